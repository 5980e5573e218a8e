# Shared by bench/deadline-day.sh and bench/faults.sh: the applicants, their drafts and the round of a
# deadline-day run, the Gatling simulation, and the check of what was acknowledged against the database.
# The caller sets PSQL (an array: psql with host, port and user), DB, USERS, DURATION, SUBMIT_WINDOW, RAMP,
# PACE, PORT and WORK.

# Waits until the application (process $1, log $2) on $PORT is healthy and has loaded the demo users.
wait_for_demo() {
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$1" 2>/dev/null || { cat "$2"; exit 1; }
    sleep 0.2
  done
  for _ in $(seq 1 300); do
    [ "$("${PSQL[@]}" -d $DB -tAc "SELECT count(*) FROM app_user WHERE email = 'anna.applicant@karlstad.demo.example' AND password_hash IS NOT NULL")" = 1 ] && break
    sleep 0.2
  done
}

# N applicants (bench<n>@bench.example, the demo password), one complete draft each with the letter of
# intent, and a round that is open now and closes a minute after the run; writes $WORK/users.csv.
prepare_deadline_day() {
  PDF_HEX=$(od -An -v -tx1 bench/deadline-day/letter-of-intent.pdf | tr -d ' \n')
  "${PSQL[@]}" -d $DB <<SQL
  -- the applicants: invented users sharing the demo password, each a member of one organisation
  INSERT INTO app_user (id, email, display_name, password_hash, enabled, activated_at, created_at)
  SELECT md5('bench-user-' || n)::uuid, 'bench' || n || '@bench.example', 'Bench ' || n,
         (SELECT password_hash FROM app_user WHERE email = 'anna.applicant@karlstad.demo.example'), true, now(), now()
  FROM generate_series(1, $USERS) n;
  INSERT INTO user_role (user_id, role) SELECT md5('bench-user-' || n)::uuid, 'APPLICANT' FROM generate_series(1, $USERS) n;
  WITH orgs AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS c FROM swedish_organisation)
  INSERT INTO membership (user_id, organisation_id)
  SELECT md5('bench-user-' || n)::uuid, o.id FROM generate_series(1, $USERS) n JOIN orgs o ON o.i = (n - 1) % o.c;
  -- the round: open now, closing when the run ends
  INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, budget_sek, max_amount_sek, status)
  VALUES (md5('bench-round')::uuid, 'kommunala-partnerskap', 'bench', 'Belastningstest', 'Load test',
          now() - interval '1 day', now() + interval '$DURATION seconds' + interval '60 seconds', 500000000, 500000, 'open');
  INSERT INTO round_country (round_id, country_iso2) VALUES (md5('bench-round')::uuid, 'KE');
  INSERT INTO round_component (round_id, programme_key, component_key) VALUES (md5('bench-round')::uuid, 'kommunala-partnerskap', 'project');
  -- one complete draft per applicant, with a partner of its own and the letter of intent
  INSERT INTO application (id, round_id, programme_key, component_key, lead_organisation_id, status, title, created_by, created_at, updated_at)
  SELECT md5('bench-app-' || n)::uuid, md5('bench-round')::uuid, 'kommunala-partnerskap', 'project', m.organisation_id, 'draft',
         'Demokrati i vardagen', 'bench' || n || '@bench.example', now(), now()
  FROM generate_series(1, $USERS) n JOIN membership m ON m.user_id = md5('bench-user-' || n)::uuid;
  INSERT INTO application_section (application_id, section_key, answers, state, version, saved_by, saved_at)
  SELECT md5('bench-app-' || n)::uuid, s.key, s.answers::jsonb, 'completed', 1, 'bench' || n || '@bench.example', now()
  FROM generate_series(1, $USERS) n, LATERAL (VALUES
    ('applicant', json_build_object('contactName', json_build_array('Bench ' || n), 'contactEmail', json_build_array('bench' || n || '@bench.example'))::text),
    ('partners', json_build_object('partner1Name', json_build_array('Bench partner ' || n), 'partner1Type', json_build_array('district'),
        'partner1Country', json_build_array('KE'), 'partner1ContactName', json_build_array('Partner Contact'),
        'partner1ContactEmail', json_build_array('partner' || n || '@partner.example'))::text),
    ('core-areas', '{"coreAreas": ["participation"], "theme": ["Medborgardialog"]}'),
    ('challenge', json_build_object('title', json_build_array('Demokrati i vardagen'), 'challenge', json_build_array('Utgångsläge'),
        'objectives', json_build_array('Mål'), 'results', json_build_array('Resultat'))::text),
    ('activities', '{"years": ["1"], "activities": ["Utbyten och workshoppar"], "timePlan": ["Vår och höst"]}'),
    ('budget', '{"line1Category": ["travel"], "line1Description": ["Resor"], "line1Party": ["swedish"], "line1Amount": ["400000"], "requested": ["400000"]}'),
    ('attachments', '{}'),
    ('questions', '{}')) AS s(key, answers);
  INSERT INTO attachment (id, application_id, file_name, content_type, size_bytes, sha256, content, added_by, added_at)
  SELECT md5('bench-attachment-' || n)::uuid, md5('bench-app-' || n)::uuid, 'avsiktsforklaring.pdf', 'application/pdf',
         length(decode('$PDF_HEX', 'hex')), encode(sha256(decode('$PDF_HEX', 'hex')), 'hex'), decode('$PDF_HEX', 'hex'),
         'bench' || n || '@bench.example', now()
  FROM generate_series(1, $USERS) n;
SQL
  {
    echo "email,application"
    "${PSQL[@]}" -d $DB -tA -F, -c "SELECT 'bench' || n || '@bench.example', md5('bench-app-' || n)::uuid FROM generate_series(1, $USERS) n"
  } > "$WORK/users.csv"

}

# The Gatling simulation in bench/deadline-day against the application (or the balancer) on $PORT; writes
# $WORK/acks.csv and $WORK/events.csv (the requests that failed or asked for a new login, with their time).
run_deadline_day_load() {
  rm -rf "$WORK/gatling"
  ./mvnw -q -B -f bench/deadline-day/pom.xml gatling:test \
    -DbaseUrl="http://127.0.0.1:$PORT" -DusersFile="$PWD/$WORK/users.csv" -DacksFile="$PWD/$WORK/acks.csv" \
    -DeventsFile="$PWD/$WORK/events.csv" \
    -Dusers="$USERS" -DdurationSeconds="$DURATION" -DsubmitWindowSeconds="$SUBMIT_WINDOW" -DrampSeconds="$RAMP" \
    -DautosaveEverySeconds="$PACE" -Dgatling.core.directory.results="$PWD/$WORK/gatling" || true
}

# What was acknowledged and is not in the database, as psql's aligned output in $WORK/lost.txt: a section
# must hold the acknowledged save (its version and marker). IN_FLIGHT=1 (capacity mode, whose load generator
# stops with one save of an applicant possibly unanswered) also accepts the version after it.
check_acknowledged() {
  # what was acknowledged and is not in the database
  "${PSQL[@]}" -d $DB <<SQL > "$WORK/lost.txt"
  CREATE TEMP TABLE ack (application UUID, ack_n INT, ack_version INT, acks INT, reference TEXT);
  \copy ack FROM '$WORK/acks.csv' WITH (FORMAT csv, HEADER true)
  SELECT
    (SELECT count(*) FROM ack) AS users_finished,
    (SELECT coalesce(sum(acks), 0) FROM ack) AS saves_acknowledged,
    (SELECT count(*) FROM ack a JOIN application_section s ON s.application_id = a.application AND s.section_key = 'challenge'
       WHERE a.acks > 0 AND NOT ((s.version = a.ack_version AND (s.answers -> 'challenge' ->> 0) LIKE '%save-' || a.ack_n || '-%')
                                 OR s.version BETWEEN a.ack_version + 1 AND a.ack_version + ${IN_FLIGHT:-0}))
    + (SELECT count(*) FROM ack a LEFT JOIN application_section s ON s.application_id = a.application AND s.section_key = 'challenge'
       WHERE a.acks > 0 AND s.application_id IS NULL) AS saves_lost,
    (SELECT count(*) FROM ack WHERE coalesce(reference, '') <> '') AS submissions_acknowledged,
    (SELECT count(*) FROM ack a WHERE coalesce(a.reference, '') <> ''
       AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.reference = a.reference AND s.application_id = a.application)) AS submissions_lost,
    (SELECT count(*) FROM submission s JOIN application ap ON ap.id = s.application_id WHERE ap.round_id = md5('bench-round')::uuid) AS snapshots;
SQL
}
