package fr.rdvnumerique.base.ops;

import com.zaxxer.hikari.HikariDataSource;
import fr.rdvnumerique.testing.Benchmarks;
import fr.rdvnumerique.testing.ProductionNode;
import fr.rdvnumerique.testing.ProductionNode.Launch;
import fr.rdvnumerique.testing.TestConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * {@code bench/run startup}: the production jar against a database already migrated (this test's context
 * migrated it), from launch to the first page served, as the Dockerfile starts it: Spring Boot's extracted
 * layout with the JDK's AOT cache (classes loaded and linked ahead of time, made by a training run). The nested
 * jar without a cache, the way it started before, is measured too. Each figure is the median of {@code
 * -Dbench.runs} (default 3) starts. Target (issue 14): first page ≤ 8,000 ms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@Import(TestConfig.class)
@Tag("bench")
class StartupBenchmark {

    static final long TARGET_MS = 8_000;

    @Autowired DataSource dataSource;

    @Test
    void first_page_of_the_production_jar() throws Exception {
        int runs = Benchmarks.intSetting("runs", 3);
        var launch = Launch.of("startup", ((HikariDataSource) dataSource).getJdbcUrl());
        System.out.println("bench startup: " + Runtime.getRuntime().availableProcessors() + " cores, " + runs
                + " starts each, jar " + ProductionNode.jar().getFileName());

        long nested = median(runs, ProductionNode.jar(), launch);
        Benchmarks.figure("nested jar, no cache:         " + nested + " ms to the first page");
        Path extracted = ProductionNode.extracted();
        long training = System.nanoTime();
        Path cache = ProductionNode.aotCache(launch);
        Benchmarks.figure("AOT cache training run:       " + (System.nanoTime() - training) / 1_000_000 + " ms (once per jar)");
        long withCache = median(runs, extracted, launch.withJvmOptions("-XX:AOTCache=" + cache));
        Benchmarks.figure("extracted jar with AOT cache: " + withCache + " ms to the first page");

        var figures = Benchmarks.figures();
        figures.put("first_page_ms", withCache);
        figures.put("nested_jar_ms", nested);
        figures.put("target_ms", TARGET_MS);
        figures.put("target", withCache <= TARGET_MS ? "met" : "missed");
        Benchmarks.result("startup", figures);
        if (withCache > TARGET_MS) {
            throw new AssertionError("first page after " + withCache + " ms, target " + TARGET_MS + " ms");
        }
    }

    private static long median(int runs, Path jar, Launch launch) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (var node = ProductionNode.start(jar, launch)) {
                times.add(node.awaitFirstPage("", Duration.ofMinutes(3)).toMillis());
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
