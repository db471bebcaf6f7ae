package org.careslot.platform.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak server distribution (the {@code keycloak-quarkus-dist} zip from the local Maven repository), unpacked
 * once per install root. Several JVMs (parallel module builds, an IDE next to Maven) may share one install root, so
 * every change to it happens under a lock that holds across JVMs and across threads of one JVM.
 */
final class KeycloakDistribution {

    /** System property naming the distribution zip explicitly (wins over the local Maven repository). */
    static final String ZIP_PROPERTY = "keycloak.dist.zip";

    private static final String MARKER = ".careslot-unpacked";
    /** FileLock is held per JVM, not per thread: threads of one JVM queue on this first. */
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS_IN_THIS_JVM = new ConcurrentHashMap<>();

    private KeycloakDistribution() {
    }

    /** The Keycloak version this build was made with (root pom property {@code keycloak.version}). */
    static String version() {
        return buildFacts().getProperty("keycloak.version");
    }

    /** The distribution zip: {@code -Dkeycloak.dist.zip}, else the artifact in the local Maven repository. */
    static Path locateZip() {
        String explicit = System.getProperty(ZIP_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path zip = Path.of(explicit);
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException(ZIP_PROPERTY + " points at " + zip + ", which is not a file");
            }
            return zip;
        }
        Properties facts = buildFacts();
        String version = facts.getProperty("keycloak.version");
        String artifactId = facts.getProperty("keycloak.artifactId");
        Path zip = localMavenRepository()
                .resolve(facts.getProperty("keycloak.groupId").replace('.', '/'))
                .resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip + ". Build tooling/infra-servers "
                    + "once (Maven downloads it), or point -D" + ZIP_PROPERTY + " at the zip.");
        }
        return zip;
    }

    private static Path localMavenRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * Unpacks the zip under {@code installRoot} unless an earlier run finished doing so, and returns the Keycloak home
     * ({@code installRoot/keycloak-<version>}). A half-unpacked home (a run killed midway) has no marker and is redone.
     */
    static Path ensureUnpacked(Path zip, Path installRoot) {
        return withInstallLock(installRoot, "unpack", () -> {
            try {
                return unpackUnderLock(zip, installRoot);
            } catch (IOException e) {
                throw new UncheckedIOException("could not unpack " + zip + " into " + installRoot, e);
            }
        });
    }

    private static Path unpackUnderLock(Path zip, Path installRoot) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            String topDirectory = topDirectory(archive);
            Path home = installRoot.resolve(topDirectory);
            if (Files.isRegularFile(home.resolve(MARKER))) {
                return home;
            }
            deleteTree(home);
            Path staging = installRoot.resolve(".unpacking-" + UUID.randomUUID());
            try {
                extract(archive, staging);
                Files.move(staging.resolve(topDirectory), home, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(home.resolve(MARKER), zip.toString());
            } finally {
                deleteTree(staging);
            }
            return home;
        }
    }

    private static String topDirectory(ZipFile archive) {
        String first = archive.stream().findFirst().map(ZipEntry::getName)
                .orElseThrow(() -> new IllegalStateException("empty zip: " + archive.getName()));
        int slash = first.indexOf('/');
        if (slash <= 0) {
            throw new IllegalStateException("expected one top-level directory in " + archive.getName());
        }
        return first.substring(0, slash);
    }

    private static void extract(ZipFile archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        var entries = archive.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            Path destination = root.resolve(entry.getName()).normalize();
            if (!destination.startsWith(root)) { // zip-slip guard: never write outside the staging dir
                throw new IOException("zip entry escapes the target directory: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(destination);
                continue;
            }
            Files.createDirectories(destination.getParent());
            try (InputStream in = archive.getInputStream(entry)) {
                Files.copy(in, destination);
            }
            // java.util.zip does not carry Unix modes; the scripts are what must be executable
            if (entry.getName().endsWith(".sh")) {
                makeExecutable(destination);
            }
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: executability is not a file mode there
        }
    }

    /**
     * Runs {@code action} holding the install root's lock named {@code purpose}, exclusive across threads and JVMs.
     * Starting Keycloak takes the "start" lock until the server is ready, because a first start re-builds the
     * distribution (writes lib/quarkus) and rewrites data/import, neither of which tolerates a concurrent writer.
     */
    static <T> T withInstallLock(Path installRoot, String purpose, Supplier<T> action) {
        Path lockFile = installRoot.toAbsolutePath().normalize().resolve("." + purpose + ".lock");
        ReentrantLock threadLock = LOCKS_IN_THIS_JVM.computeIfAbsent(lockFile, path -> new ReentrantLock());
        threadLock.lock();
        try {
            Files.createDirectories(installRoot);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + lockFile, e);
        } finally {
            threadLock.unlock();
        }
    }

    /** Replaces {@code target} with {@code content} so that a concurrent reader sees either the old or the new file. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Properties buildFacts() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("keycloak-distribution.properties")) {
            if (in == null) {
                throw new IllegalStateException("keycloak-distribution.properties missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            if (properties.getProperty("keycloak.version", "").startsWith("@")) {
                throw new IllegalStateException("keycloak-distribution.properties was not filtered by Maven");
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
