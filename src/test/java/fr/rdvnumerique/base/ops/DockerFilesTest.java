package fr.rdvnumerique.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** No Docker engine runs here, so the deployment files are checked as text: the parts the app relies on. */
class DockerFilesTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void compose_runs_the_app_with_mariadb_11_8_its_backups_and_mailpit() throws IOException {
        assertThat(((Map<String, Object>) compose().get("services")).keySet())
                .containsExactlyInAnyOrder("app", "mariadb", "backup", "mailpit", "app2", "haproxy");
        assertThat(service("app").get("profiles")).as("the single node runs without a profile").isNull();
        assertThat(service("mariadb").get("image")).isEqualTo("mariadb:11.8");
        assertThat((List<String>) service("mariadb").get("volumes")).anyMatch(v -> v.endsWith(":/var/lib/mysql"));
        assertThat((List<String>) service("app").get("ports")).as("only the reverse proxy on this machine reaches it")
                .contains("127.0.0.1:8080:8080");
        assertThat((List<String>) service("mailpit").get("ports")).as("the catcher shows private links: this machine only")
                .containsExactly("127.0.0.1:8025:8025");
        var environment = (Map<String, Object>) service("app").get("environment");
        assertThat(environment).containsKeys("RDV_MAIL_FROM", "SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD",
                "RDV_TRUSTED_PROXIES");
        assertThat(((Map<String, Object>) service("app").get("depends_on")).keySet()).contains("mariadb", "mailpit");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_app_gets_everything_it_needs_from_the_environment() throws IOException {
        var env = (Map<String, Object>) service("app").get("environment");
        assertThat(env.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:mariadb://mariadb:3306/rdv");
        assertThat(env).containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "RDV_ADMIN_EMAIL",
                "RDV_ADMIN_PASSWORD", "RDV_PUBLIC_URL", "RDV_PERSON_KEY_SECRET");
        // The trial's catcher by default; the real relay and its account come through from the operator's environment.
        assertThat(env.get("SPRING_MAIL_HOST")).isEqualTo("${SPRING_MAIL_HOST:-mailpit}");
        assertThat(env.get("SPRING_MAIL_PORT")).isEqualTo("${SPRING_MAIL_PORT:-1025}");
        var db = (Map<String, Object>) service("mariadb").get("environment");
        assertThat(db.get("MARIADB_DATABASE")).isEqualTo("rdv");
        assertThat(db.get("MARIADB_USER")).isEqualTo(env.get("SPRING_DATASOURCE_USERNAME"));
        assertThat(db.get("MARIADB_PASSWORD")).isEqualTo(env.get("SPRING_DATASOURCE_PASSWORD"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void metrics_and_health_details_are_published_for_this_machine_only() throws IOException {
        assertThat((List<String>) service("app").get("ports")).contains("127.0.0.1:8081:8081")
                .noneMatch(port -> port.endsWith(":8081") && !port.startsWith("127.0.0.1:"));
        // Inside the container the management port must listen beyond the container's own loopback to be published.
        assertThat((Map<String, Object>) service("app").get("environment")).containsEntry("RDV_MANAGEMENT_ADDRESS", "0.0.0.0");
        assertThat(Files.readString(Path.of("docker/Dockerfile"))).contains("EXPOSE 8080 8081");
    }

    @Test
    @SuppressWarnings("unchecked")
    void backups_run_nightly_with_mariadbs_own_tools_into_a_volume_of_their_own() throws IOException {
        var backup = service("backup");
        assertThat(backup.get("image")).as("the client tools of the server's own version").isEqualTo(service("mariadb").get("image"));
        assertThat((List<String>) backup.get("entrypoint")).containsExactly("bash", "/usr/local/bin/rdv-backup.sh");
        assertThat((List<String>) backup.get("command")).containsExactly("loop");
        assertThat((List<String>) backup.get("volumes")).containsExactly(
                "./backup/rdv-backup.sh:/usr/local/bin/rdv-backup.sh:ro", "${RDV_BACKUP_DIR:-backups}:/backups");
        assertThat(((Map<String, Object>) compose().get("volumes")).keySet()).contains("backups");
        assertThat(backup.get("restart")).isEqualTo("unless-stopped");
        assertThat(((Map<String, Map<String, Object>>) backup.get("depends_on")).get("mariadb"))
                .containsEntry("condition", "service_healthy");
        assertThat((List<String>) ((Map<String, Object>) backup.get("healthcheck")).get("test")).contains("check");
    }

    @Test
    @SuppressWarnings("unchecked")
    void backups_reach_the_apps_database_with_the_apps_account_and_keep_7_daily_and_4_weekly() throws IOException {
        var env = (Map<String, Object>) service("backup").get("environment");
        var app = (Map<String, Object>) service("app").get("environment");
        assertThat(env).containsEntry("MARIADB_HOST", "mariadb").containsEntry("MARIADB_DATABASE", "rdv")
                .containsEntry("KEEP_DAILY", "7").containsEntry("KEEP_WEEKLY", "4").containsEntry("TZ", "Europe/Paris");
        assertThat(env.get("MARIADB_USER")).isEqualTo(app.get("SPRING_DATASOURCE_USERNAME"));
        assertThat(env.get("MARIADB_PASSWORD")).isEqualTo(app.get("SPRING_DATASOURCE_PASSWORD"));
        assertThat((String) env.get("BACKUP_TIME")).matches("\\$\\{RDV_BACKUP_TIME:-\\d\\d:\\d\\d}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_cluster_profile_runs_a_second_node_like_the_first_behind_haproxy_with_sticky_sessions() throws IOException {
        var app = service("app");
        var app2 = service("app2");
        var haproxy = service("haproxy");
        assertThat((List<String>) app2.get("profiles")).containsExactly("cluster");
        assertThat((List<String>) haproxy.get("profiles")).containsExactly("cluster");
        assertThat(app2.get("image")).isEqualTo(app.get("image"));
        assertThat(app2.get("environment")).as("the same settings: one database, one secret").isEqualTo(app.get("environment"));
        assertThat((List<String>) app2.get("ports")).as("reached through HAProxy only").isEmpty();
        assertThat(((Map<String, Map<String, Object>>) app2.get("depends_on")).get("app"))
                .as("the first node applies the migrations").containsEntry("condition", "service_healthy");
        assertThat((List<String>) haproxy.get("ports")).containsExactly("127.0.0.1:8090:8080");
        assertThat((List<String>) haproxy.get("volumes")).containsExactly("./haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        String address = (String) ((Map<String, Map<String, Object>>) haproxy.get("networks")).get("default").get("ipv4_address");
        String trusted = (String) ((Map<String, Object>) app.get("environment")).get("RDV_TRUSTED_PROXIES");
        assertThat(trusted).as("the nodes believe HAProxy's X-Forwarded-For")
                .contains(address.replace(".", "\\."));
        String config = Files.readString(Path.of("docker/haproxy/haproxy.cfg"));
        assertThat(config).contains("cookie SRV insert indirect nocache", "option httpchk GET /readyz", "option forwardfor",
                "option redispatch", "server app app:8080 check cookie app", "server app2 app2:8080 check cookie app2",
                "bind :8080");
    }

    @Test
    void the_backup_script_dumps_in_one_transaction_and_is_executable() throws IOException {
        Path script = Path.of("docker/backup/rdv-backup.sh");
        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(Files.readString(script)).contains("mariadb-dump", "--single-transaction", "--defaults-extra-file")
                .doesNotContain("-p\"$MARIADB_PASSWORD", "--password=");
    }

    @Test
    void every_image_has_a_fixed_version() throws IOException {
        for (String name : List.of("mariadb", "backup", "mailpit", "haproxy")) {
            String image = (String) service(name).get("image");
            assertThat(image).as(name).contains(":").doesNotEndWith(":latest");
        }
        assertThat(service("mailpit").get("image")).asString().matches("axllent/mailpit:v\\d+\\.\\d+\\.\\d+");
        assertThat(Files.readString(Path.of("docker/Dockerfile")).lines().filter(l -> l.startsWith("FROM ")))
                .allMatch(l -> l.matches("FROM eclipse-temurin:25-(jdk|jre)( AS build)?"));
    }

    @Test
    void the_image_starts_the_extracted_jar_with_its_ahead_of_time_cache_as_the_startup_benchmark_does()
            throws Exception {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile).contains("-Djarmode=tools -jar /src/app.jar extract --destination /src/app",
                "COPY docker/start.sh /app/start.sh", "ENTRYPOINT [\"sh\", \"/app/start.sh\"]");
        String start = Files.readString(Path.of("docker/start.sh"));
        assertThat(start).contains("-XX:AOTCacheOutput=\"$cache\" -Dspring.context.exit=onRefresh",
                "exec java $JAVA_OPTS -XX:AOTCache=\"$cache\" -jar \"$app\"", "exec java $JAVA_OPTS -jar \"$app\"");
        Process syntax = new ProcessBuilder("sh", "-n", "docker/start.sh").redirectErrorStream(true).start();
        assertThat(syntax.waitFor()).as(new String(syntax.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void the_health_check_needs_no_tool_the_runtime_image_lacks() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        String healthcheck = dockerfile.substring(dockerfile.indexOf("HEALTHCHECK"), dockerfile.indexOf("ENTRYPOINT"));
        // The Temurin JRE image (Ubuntu) ships bash but neither wget nor curl.
        // The readiness probe: the application answers and reaches its database.
        assertThat(healthcheck).doesNotContain("wget", "curl").contains("bash", "/dev/tcp/127.0.0.1/8080", "/readyz",
                "\\\"status\\\":\\\"UP\\\"");
    }

    @Test
    void the_image_is_built_in_two_stages_and_runs_as_a_normal_user() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM "))).hasSize(2);
        assertThat(dockerfile).contains("-Pproduction", "USER rdv", "EXPOSE 8080");
        assertThat(dockerfile.lines().filter(l -> l.startsWith("USER ")).toList()).doesNotContain("USER root");
    }
}
