package org.careslot.platform.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeycloakDistributionTest {

    @TempDir
    Path temp;

    @Test
    void versionComesFromThePom() {
        assertThat(KeycloakDistribution.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void concurrentCallersUnpackOnceAndAllSeeACompleteHome() throws Exception {
        Path zip = zip("kc-test-1.0/", List.of("bin/kc.sh", "lib/big.bin", "conf/keycloak.conf"));
        Path installRoot = temp.resolve("install");

        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Callable<Path>> calls = IntStream.range(0, 4)
                    .<Callable<Path>>mapToObj(i -> () -> KeycloakDistribution.ensureUnpacked(zip, installRoot))
                    .toList();
            List<Path> homes = pool.invokeAll(calls).stream().map(KeycloakDistributionTest::get).toList();

            Path home = installRoot.resolve("kc-test-1.0");
            assertThat(homes).containsOnly(home);
            assertThat(home.resolve("lib/big.bin")).hasContent("content of lib/big.bin");
            assertThat(Files.isExecutable(home.resolve("bin/kc.sh"))).isTrue();
            try (var leftovers = Files.list(installRoot)) {
                assertThat(leftovers.map(p -> p.getFileName().toString()))
                        .allMatch(name -> name.equals("kc-test-1.0") || name.endsWith(".lock"));
            }
        }
    }

    @Test
    void aHalfUnpackedHomeIsRedone() throws Exception {
        Path zip = zip("kc-test-1.0/", List.of("bin/kc.sh", "lib/a.jar"));
        Path installRoot = temp.resolve("install");
        Path home = installRoot.resolve("kc-test-1.0");
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/truncated.jar"), "x"); // no marker: a run died while unpacking

        assertThat(KeycloakDistribution.ensureUnpacked(zip, installRoot)).isEqualTo(home);

        assertThat(home.resolve("lib/truncated.jar")).doesNotExist();
        assertThat(home.resolve("lib/a.jar")).exists();
    }

    @Test
    void rejectsEntriesThatEscapeTheInstallRoot() throws Exception {
        Path zip = zip("kc-test-1.0/", List.of("bin/kc.sh", "../../escaped.txt"));

        assertThatThrownBy(() -> KeycloakDistribution.ensureUnpacked(zip, temp.resolve("install")))
                .hasRootCauseMessage("zip entry escapes the target directory: kc-test-1.0/../../escaped.txt");
        assertThat(temp.resolve("escaped.txt")).doesNotExist();
    }

    private Path zip(String top, List<String> files) throws IOException {
        Path zip = temp.resolve("dist-" + System.nanoTime() + ".zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(top));
            out.closeEntry();
            for (String file : files) {
                out.putNextEntry(new ZipEntry(top + file));
                out.write(("content of " + file).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static Path get(Future<Path> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
