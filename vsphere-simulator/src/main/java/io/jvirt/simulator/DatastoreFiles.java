package io.jvirt.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files of one simulated datastore, in memory: directories and files by relative path.
 * A file has content and a reported size (a flat disk reports its capacity without holding it).
 * Callers hold the inventory lock.
 */
final class DatastoreFiles {

    /** A file's bytes, the size reported to clients, and its modification time. */
    record StoredFile(byte[] content, long size, Instant modified) {
    }

    /** One directory entry as listed by the browser. */
    record Entry(String path, boolean directory, long size, Instant modified) {
        String name() {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? path : path.substring(slash + 1);
        }
    }

    private final TreeMap<String, StoredFile> files = new TreeMap<>();
    private final TreeSet<String> directories = new TreeSet<>();
    private final long capacity;

    DatastoreFiles(long capacity) {
        this.capacity = capacity;
        directories.add("");
    }

    long capacity() {
        return capacity;
    }

    long used() {
        return files.values().stream().mapToLong(StoredFile::size).sum();
    }

    boolean isDirectory(String path) {
        return directories.contains(DatastorePath.normalize(path));
    }

    boolean isFile(String path) {
        return files.containsKey(DatastorePath.normalize(path));
    }

    Optional<StoredFile> read(String path) {
        return Optional.ofNullable(files.get(DatastorePath.normalize(path)));
    }

    /** Writes a file; its parent directory must exist. Returns false if the parent is missing. */
    boolean write(String path, byte[] content) {
        return write(path, content, content.length);
    }

    boolean write(String path, byte[] content, long reportedSize) {
        String p = DatastorePath.normalize(path);
        if (!directories.contains(parentOf(p)) || directories.contains(p)) {
            return false;
        }
        files.put(p, new StoredFile(content.clone(), reportedSize, Instant.now()));
        return true;
    }

    void makeDirectories(String path) {
        String p = DatastorePath.normalize(path);
        while (!p.isEmpty()) {
            directories.add(p);
            p = parentOf(p);
        }
    }

    boolean makeDirectory(String path) {
        String p = DatastorePath.normalize(path);
        if (!directories.contains(parentOf(p))) {
            return false;
        }
        directories.add(p);
        return true;
    }

    /** Deletes a file, or a directory with everything in it. False if nothing was there. */
    boolean delete(String path) {
        String p = DatastorePath.normalize(path);
        if (files.remove(p) != null) {
            return true;
        }
        if (p.isEmpty() || !directories.remove(p)) {
            return false;
        }
        files.keySet().removeIf(f -> f.startsWith(p + "/"));
        directories.removeIf(d -> d.startsWith(p + "/"));
        return true;
    }

    /** The direct children of a directory. */
    List<Entry> list(String directory) {
        String dir = DatastorePath.normalize(directory);
        List<Entry> entries = new ArrayList<>();
        for (String d : directories) {
            if (!d.isEmpty() && parentOf(d).equals(dir)) {
                entries.add(new Entry(d, true, 0, Instant.now()));
            }
        }
        files.forEach((p, f) -> {
            if (parentOf(p).equals(dir)) {
                entries.add(new Entry(p, false, f.size(), f.modified()));
            }
        });
        return entries;
    }

    /** The directory and all directories below it, parents first. */
    List<String> directoriesUnder(String directory) {
        String dir = DatastorePath.normalize(directory);
        List<String> result = new ArrayList<>();
        for (String d : directories) {
            if (d.equals(dir) || dir.isEmpty() || d.startsWith(dir + "/")) {
                result.add(d);
            }
        }
        return result;
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
