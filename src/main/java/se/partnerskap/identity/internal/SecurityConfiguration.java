package se.partnerskap.identity.internal;


import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import se.partnerskap.platform.PartnerskapProperties;
import se.partnerskap.shared.Language;

/**
 * Who may see what. Public pages stay open (so an unknown address is our 404, not a login); the
 * account and administration pages need a login and a role. Form login at /login and /en/login,
 * optional OpenID Connect login when {@code partnerskap.oidc.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(securedEnabled = true, prePostEnabled = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /** The site uses no powerful browser feature; none may be used by it or by anything framed into it. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "publickey-credentials-get=(), usb=(), browsing-topics=()";

    /** Session attributes that carry a failed login back to the login page. */
    static final String FAILED_EMAIL = "identity.login.email";

    /**
     * No observation of Spring Security's own work: with only the observations switched off
     * (management.observations.enable.spring.security), each of the chain's filters was still wrapped per
     * request by an observing decorator and each method authorization by an observing manager, about 2 % of
     * an autosave's CPU (bench/README.md). The requests' own metric (http.server.requests) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new PasswordHashing(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                Runtime.getRuntime().availableProcessors());
    }

    @Bean
    UserDetailsService userDetailsService(Accounts accounts, SessionEnds sessions) {
        return email -> {
            long version = sessions.current(email);
            return accounts.byEmail(email).filter(a -> a.passwordHash() != null).map(a -> new UserPrincipal(a, version))
                    .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        };
    }

    @Bean
    RequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
            LoginLimits loginLimits, RequestCache requestCache, OidcLogin oidcLogin, SessionEnds sessionEnds,
            Accounts accounts, PartnerskapProperties properties) throws Exception {
        boolean oidc = properties.oidc().enabled();
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/konto", "/konto/**", "/en/account", "/en/account/**").authenticated()
                .requestMatchers("/organisationer/forfragningar", "/organisationer/forfragningar/**",
                        "/en/organisations/requests", "/en/organisations/requests/**").authenticated()
                .requestMatchers("/ansokningar", "/ansokningar/**", "/en/applications", "/en/applications/**")
                    .hasRole("APPLICANT")
                .requestMatchers("/admin/anvandare", "/admin/anvandare/**", "/en/admin/users", "/en/admin/users/**")
                    .hasRole("ADMINISTRATOR")
                // the demo's mail catcher shows live reset and invitation links: administrators only
                .requestMatchers("/demo/e-post", "/demo/e-post/**", "/en/demo/mail", "/en/demo/mail/**")
                    .hasRole("ADMINISTRATOR")
                .requestMatchers("/admin/innehall", "/admin/innehall/**", "/en/admin/content", "/en/admin/content/**")
                    .hasAnyRole("COMMUNICATOR", "ADMINISTRATOR")
                .requestMatchers("/admin/omgangar", "/admin/omgangar/**", "/en/admin/rounds", "/en/admin/rounds/**")
                    .hasAnyRole("CASE_OFFICER", "ADMINISTRATOR")
                .requestMatchers("/mina-stipendier", "/mina-stipendier/**", "/en/my-grants", "/en/my-grants/**")
                    .hasRole("APPLICANT")
                .requestMatchers("/mina-projekt", "/mina-projekt/**", "/en/my-projects", "/en/my-projects/**")
                    .hasRole("APPLICANT")
                // a project's public title and theme: communicators correct them too
                .requestMatchers("/uppfoljning/projekt/*/publika-texter", "/en/follow-up/projects/*/public-texts",
                        "/en/follow-up/projekt/*/publika-texter")
                    .hasAnyRole("CASE_OFFICER", "COMMUNICATOR", "ADMINISTRATOR")
                .requestMatchers("/uppfoljning", "/uppfoljning/**", "/en/follow-up", "/en/follow-up/**")
                    .hasAnyRole("CASE_OFFICER", "ADMINISTRATOR")
                .requestMatchers("/admin/nyheter", "/admin/nyheter/**", "/en/admin/news", "/en/admin/news/**")
                    .hasAnyRole("COMMUNICATOR", "ADMINISTRATOR")
                .requestMatchers("/handlaggning/omgangar/*/pressmeddelande", "/en/assessment/rounds/*/pressmeddelande")
                    .hasAnyRole("CASE_OFFICER", "COMMUNICATOR", "ADMINISTRATOR")
                .requestMatchers("/handlaggning", "/handlaggning/**", "/en/assessment", "/en/assessment/**")
                    .hasAnyRole("CASE_OFFICER", "ADMINISTRATOR")
                .requestMatchers("/granskning", "/granskning/**", "/en/reviews", "/en/reviews/**")
                    .hasRole("REVIEWER")
                .requestMatchers("/admin/formular", "/admin/formular/**", "/en/admin/forms", "/en/admin/forms/**")
                    .hasRole("ADMINISTRATOR")
                .requestMatchers("/admin/komponenter", "/admin/komponenter/**", "/en/admin/components",
                        "/en/admin/components/**")
                    .hasRole("ADMINISTRATOR")
                .requestMatchers("/admin/organisationer", "/admin/organisationer/**", "/en/admin/organisations",
                        "/en/admin/organisations/**")
                    .hasRole("ADMINISTRATOR")
                .anyRequest().permitAll());
        // The one-click unsubscribe of the newsroom's mailings (RFC 8058): a mail client POSTs to the link
        // in List-Unsubscribe without any page, so without a CSRF token. Only that POST is exempt; it
        // can do nothing but end the subscription the unguessable link names.
        http.csrf(c -> c.ignoringRequestMatchers(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/prenumeration/avsluta/*"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/en/subscription/unsubscribe/*")));
        http.authenticationProvider(limited(users, encoder, loginLimits));
        http.requestCache(c -> c.requestCache(requestCache));
        http.formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login")
                .usernameParameter("email").passwordParameter("password")
                .successHandler(success(requestCache, accounts))
                .failureHandler(failure()));
        http.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()));
        http.addFilterBefore(new SessionVersionCheck(sessionEnds), AnonymousAuthenticationFilter.class);
        http.logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(loggedOut()));
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY))
                .referrerPolicy(r -> r.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (oidc) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(oidcLogin))
                    .successHandler(success(requestCache, accounts))
                    .failureHandler(oidcFailure()));
        }
        return http.build();
    }

    private static AuthenticationProvider limited(UserDetailsService users, PasswordEncoder encoder,
            LoginLimits limits) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                String email = authentication.getName();
                String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
                var refused = limits.refusal(email, address);
                if (refused.isPresent()) {
                    throw new LoginRefusedException(refused.get());
                }
                try {
                    if (authentication.getCredentials() instanceof String p && PasswordPolicy.tooLongForTheHash(p)) {
                        throw new BadCredentialsException("Longer than any password can be"); // bcrypt would compare 72 bytes only
                    }
                    Authentication result = dao.authenticate(authentication);
                    limits.succeeded(email, address);
                    return result;
                } catch (BadCredentialsException | DisabledException wrong) {
                    var now = limits.failed(email, address);
                    if (now.isPresent()) {
                        throw new LoginRefusedException(now.get());
                    }
                    throw new BadCredentialsException("Wrong e-mail or password");
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return dao.supports(authentication);
            }
        };
    }

    private static Language lang(HttpServletRequest request) {
        return Language.ofCode(request.getParameter("lang"));
    }

    static String loginPath(Language language) {
        return language == Language.EN ? "/en/login" : "/login";
    }

    /**
     * After login: back to the page that asked for it, or to the person's work ({@link Landing}) in the login
     * page's language (English also for an account that chose English).
     */
    private static AuthenticationSuccessHandler success(RequestCache cache, Accounts accounts) {
        return (request, response, authentication) -> {
            SavedRequest saved = cache.getRequest(request, response);
            String target;
            if (saved != null) {
                cache.removeRequest(request, response);
                target = saved.getRedirectUrl();
            } else {
                Object remembered = request.getSession().getAttribute(OidcLogin.LANGUAGE);
                Language language = request.getParameter("lang") != null ? lang(request)
                        : remembered instanceof String s ? Language.ofCode(s) : Language.SV;
                Language chosen = authentication.getPrincipal() instanceof se.partnerskap.identity.SignedIn me
                        ? accounts.byId(me.userId()).map(a -> Language.ofCode(a.language())).orElse(Language.SV)
                        : Language.SV;
                target = Landing.of(authentication, language, chosen);
            }
            request.getSession().removeAttribute(OidcLogin.LANGUAGE);
            response.sendRedirect(target);
        };
    }

    /** A failed login is shown on the login page itself (status 401, or 429 when a login limit refuses it), keeping the e-mail. */
    private static AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            request.setAttribute(LoginController.FAILURE, exception);
            request.getRequestDispatcher("/login/failed").forward(request, response);
        };
    }

    private static AuthenticationFailureHandler oidcFailure() {
        return (request, response, exception) -> {
            Object remembered = request.getSession().getAttribute(OidcLogin.LANGUAGE);
            Language language = remembered instanceof String s ? Language.ofCode(s) : Language.SV;
            String code = exception.getMessage() != null && exception.getMessage().contains(OidcLogin.UNKNOWN_USER)
                    ? "unknown" : "failed";
            response.sendRedirect(loginPath(language) + "?oidc=" + code);
        };
    }

    /** An anonymous visitor of a protected page goes to the login page in that page's language. */
    private static AuthenticationEntryPoint entryPoint() {
        return (request, response, exception) -> response.sendRedirect(
                loginPath(Language.ofPath(request.getRequestURI())));
    }

    private static LogoutSuccessHandler loggedOut() {
        return (request, response, authentication) -> {
            String target = lang(request) == Language.EN ? "/en" : "/";
            notice(request, response, "identity.notice.loggedOut");
            response.sendRedirect(target);
        };
    }

    /** A one-time notice for the next page, shown by the layout (Spring MVC's flash attribute "notice"). */
    static void notice(HttpServletRequest request, HttpServletResponse response, String key) {
        FlashMap flash = new FlashMap();
        flash.put("notice", key);
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
    }

}
