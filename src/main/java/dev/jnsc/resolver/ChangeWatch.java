package dev.jnsc.resolver;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Whether anything changed in a folder (and, with {@code subfolders}, in the folders directly in
 * it) since a given moment, for the price of a volatile read: a counter that a thread raises on
 * each file change event (inotify on Linux). A cache keeps the {@link #generation()} at which it
 * last checked an entry on disk and checks it again only once the generation moved on, so a file
 * changed behind the server's back is seen within the time the event takes to arrive
 * (milliseconds), instead of by a stat per lookup.
 *
 * <p>When events cannot be had (no watch service, a folder that cannot be watched: the inotify
 * limits), {@link #generation()} answers {@link #UNWATCHED} from then on, which no cache may
 * trust: lookups stat every time, as without a watch.
 */
final class ChangeWatch implements AutoCloseable {
    /** The generation that means "check every time". */
    static final long UNWATCHED = -1;
    private static final WatchEvent.Kind<?>[] KINDS = {StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY};

    private final Path root;
    private final boolean subfolders;
    private final Consumer<String> log;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean broken;
    private WatchService ws;
    private Thread thread;

    private ChangeWatch(Path root, boolean subfolders, Consumer<String> log) {
        this.root = root;
        this.subfolders = subfolders;
        this.log = log;
    }

    /** Starts watching {@code root} (and the folders in it, with {@code subfolders}). */
    static ChangeWatch start(Path root, boolean subfolders, Consumer<String> log) {
        ChangeWatch w = new ChangeWatch(root, subfolders, log);
        try {
            w.ws = root.getFileSystem().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            w.give("no file change events (" + e.getMessage() + ")");
            return w;
        }
        w.register(root);
        if (subfolders && !w.broken) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, Files::isDirectory)) {
                for (Path d : ds) {
                    w.register(d);
                }
            } catch (IOException e) {
                w.give("cannot list " + root + " (" + e.getMessage() + ")");
            }
        }
        Thread t = new Thread(w::loop, "account-server-watch");
        t.setDaemon(true);
        w.thread = t;
        t.start();
        return w;
    }

    /** The number of changes seen so far, or {@link #UNWATCHED}. */
    long generation() {
        return broken ? UNWATCHED : generation.get();
    }

    private void register(Path dir) {
        try {
            dir.register(ws, KINDS);
        } catch (IOException e) {
            give("cannot watch " + dir + " (" + e.getMessage() + ")");
        }
    }

    private void give(String why) {
        if (!broken) {
            broken = true;
            log.accept("[WRN] " + why + ": each request for an account checks its file on disk");
        }
    }

    private void loop() {
        try {
            while (!broken) {
                WatchKey key = ws.take();
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (subfolders && key.watchable().equals(root) && e.kind() == StandardWatchEventKinds.ENTRY_CREATE
                            && Files.isDirectory(root.resolve((Path) e.context()))) {
                        register(root.resolve((Path) e.context())); // a new account folder
                    }
                }
                // after the events are taken: a change made later raises the generation again
                generation.incrementAndGet();
                if (!key.reset() && key.watchable().equals(root)) {
                    give(root + " is gone");
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    @Override
    public void close() {
        broken = true;
        if (thread != null) {
            thread.interrupt();
        }
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                // nothing held beyond the process
            }
        }
    }
}
