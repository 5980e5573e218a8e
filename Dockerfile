# syntax=docker/dockerfile:1
# The server image: the server jar (no embedded PostgreSQL, no demo mail catcher) on a JRE, as a non-root
# user. It needs a PostgreSQL server (SPRING_DATASOURCE_URL, ...) and an SMTP server (SPRING_MAIL_HOST, ...);
# compose.yaml runs two of it behind nginx. Not built on machines without a container runtime; the
# jar path and the settings are checked against the build by DeploymentFilesTest.
# docs/operations.md, "Packaging: the demo jar, the server jar, container images".

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests
# Spring Boot's layers: dependencies change seldom, the application at every build
RUN java -Djarmode=tools -jar target/partnerskap-*-server.jar extract --layers \
        --application-filename partnerskap.jar --destination /extracted

FROM eclipse-temurin:25-jre
# curl for the orchestrator's probe (compose.yaml: /actuator/health/readiness)
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin partnerskap
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER partnerskap
EXPOSE 8080
# every instance listens on all addresses of its container; TLS and the public port are the proxy's
ENV SERVER_PORT=8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/partnerskap.jar"]
