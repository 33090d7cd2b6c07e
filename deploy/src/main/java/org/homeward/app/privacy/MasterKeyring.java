package org.homeward.app.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.homeward.privacy.Sealed;

/**
 * The master keys this process holds, by id: the key files of the keys directory ({@code master.key} is key 1,
 * {@code master-2.key} key 2, and so on, after the configured file's name), or one key given from outside. The
 * database says which is current (see {@link KeyCheck}). After another process rotated, a person key turns up
 * sealed under a key not held, or the current key is another: the directory is read again.
 */
final class MasterKeyring implements MasterKeys {

    static final int KEY_BYTES = 32;

    private record Held(int current, Map<Integer, byte[]> keys) {
    }

    /** The configured key file, key 1; null when the key is given from outside. */
    private final Path first;
    private final KeyCheck check;
    private volatile Held held;

    private MasterKeyring(Path first, KeyCheck check) {
        this.first = first == null ? null : first.toAbsolutePath();
        this.check = check;
    }

    /** A key given from outside, which Homeward cannot rotate: the only key there is. */
    static MasterKeyring given(byte[] key, KeyCheck check) {
        Integer current = check.current();
        int id = current == null ? 1 : current;
        check.verify(id, key);
        MasterKeyring keyring = new MasterKeyring(null, check);
        keyring.held = new Held(id, Map.of(id, key));
        return keyring;
    }

    /**
     * The keys of the directory of {@code first}, put in order after a crash: a key file newer than the current
     * key was made by a rotation that did not commit and sealed nothing, so it is destroyed. Run in a transaction
     * after {@link KeyCheck#lock()}, so no rotation is under way; superseded files are destroyed after it commits
     * ({@link #destroySuperseded()}).
     */
    static MasterKeyring inDirectory(Path first, KeyCheck check) {
        MasterKeyring keyring = new MasterKeyring(first, check);
        Map<Integer, Path> files = keyring.files();
        Integer current = check.current();
        if (current == null) {
            // nothing sealed yet: the newest key file there is, or a new one
            current = files.keySet().stream().max(Integer::compare).orElse(1);
            KeyFiles.readOrCreate(keyring.file(current), KEY_BYTES);
        } else if (!files.containsKey(current)) {
            throw new IllegalStateException("The master key file " + keyring.file(current) + " is missing, but data"
                                            + " sealed under it exists. Restore that key file (or give"
                                            + " HOMEWARD_PRIVACY_MASTER_KEY); Homeward will not create a new one.");
        }
        for (Map.Entry<Integer, Path> file : files.entrySet()) {
            if (file.getKey() > current) {
                KeyFiles.destroy(file.getValue());
            }
        }
        check.verify(current, KeyFiles.read(keyring.file(current), KEY_BYTES));
        keyring.reload();
        return keyring;
    }

    boolean rotatable() {
        return first != null;
    }

    @Override
    public Wrapped wrap(UUID journeyId, byte[] personKey) {
        if (held.current() != check.current()) {
            reload(); // another process rotated
        }
        Held now = held;
        return new Wrapped(now.current(), Sealed.seal(key(now, now.current()), journeyId, personKey));
    }

    @Override
    public byte[] open(UUID journeyId, Supplier<Wrapped> read) {
        Wrapped wrapped = read.get();
        if (wrapped != null && !held.keys().containsKey(wrapped.masterKeyId())) {
            reload();
            wrapped = read.get();
        }
        return wrapped == null ? null : wrapped.sealedKey().open(key(held, wrapped.masterKeyId()), journeyId);
    }

    /** Reads the key files and the current key's id again. */
    synchronized void reload() {
        if (first == null) {
            return; // a key given from outside is the only one
        }
        Map<Integer, byte[]> keys = new HashMap<>();
        files().forEach((id, file) -> {
            try {
                byte[] key = KeyFiles.read(file, KEY_BYTES);
                check.refuseIfOther(id, key);
                keys.put(id, key);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException)) {
                    throw e;
                } // destroyed by a rotation since it was listed
            }
        });
        held = new Held(check.current(), Map.copyOf(keys));
    }

    /**
     * Destroys the files of keys this database used and has replaced since. A file the database never recorded
     * is left alone: it is not this installation's to destroy.
     */
    void destroySuperseded() {
        if (first == null) {
            return;
        }
        int current = check.current();
        files().forEach((id, file) -> {
            if (id < current && check.recorded(id)) {
                KeyFiles.destroy(file);
            }
        });
    }

    /** The file of key {@code id}: the configured file for key 1, {@code <name>-<id>.key} beside it after. */
    Path file(int id) {
        return MasterKeyProof.file(first, id);
    }

    private Map<Integer, Path> files() {
        Map<Integer, Path> files = new TreeMap<>();
        if (!Files.isDirectory(first.getParent())) {
            return files;
        }
        try (Stream<Path> listed = Files.list(first.getParent())) {
            listed.forEach(path -> {
                String name = path.getFileName().toString();
                if (name.equals(first.getFileName().toString())) {
                    files.put(1, path);
                } else if (name.startsWith(baseName() + "-") && name.endsWith(".key")) {
                    String id = name.substring(baseName().length() + 1, name.length() - ".key".length());
                    if (id.matches("[1-9][0-9]{0,8}") && Integer.parseInt(id) > 1) {
                        files.put(Integer.parseInt(id), path);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the keys directory " + first.getParent(), e);
        }
        return files;
    }

    private String baseName() {
        String name = first.getFileName().toString();
        return name.endsWith(".key") ? name.substring(0, name.length() - ".key".length()) : name;
    }

    private static byte[] key(Held held, int id) {
        byte[] key = held.keys().get(id);
        if (key == null) {
            // the id says which file to look for; no key material in the message
            throw new IllegalStateException("Master key " + id + " is not in the keys directory");
        }
        return key;
    }
}
