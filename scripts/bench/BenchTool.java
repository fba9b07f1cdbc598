// Helpers for the benchmarks in this folder, run as a single-file program with jnsc's classes:
//   java -cp target/jnsc.jar scripts/bench/BenchTool.java populate <operator dir> <nkeys dir> <count> [<jwt dir>]
//     adds <count> accounts A1..A<count> to an nsc operator folder (made by `nsc add operator O`), signed
//     with the operator's key from the keystore, writing only their JWTs (no account keys are stored:
//     serving and pushing need none); with <jwt dir>, also writes each as <jwt dir>/<KEY>.jwt (the
//     account server's --dir layout) and the list of keys as <jwt dir>/keys.txt. Far faster than
//     <count> runs of `nsc add account`.
//   java scripts/bench/BenchTool.java load <host:port> <keys file> <connections> <seconds> [<warm-up s> [<server pid>]]
//     a load generator: <connections> keep-alive HTTP/1.1 connections (one thread each, raw sockets),
//     each sending GET /jwt/v1/accounts/<random key> and reading the whole response before the next.
//     First every key is asked once (the "first pass": the server reads and verifies each JWT once),
//     then random keys for the warm-up, then for <seconds>, measured: prints requests/s and latency
//     percentiles, and with the server's pid its CPU time per request (from /proc) in that period.
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

public class BenchTool {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("populate")) {
            populate(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), args.length > 4 ? Path.of(args[4]) : null);
        } else if (args.length > 0 && args[0].equals("load")) {
            load(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    args.length > 5 ? Integer.parseInt(args[5]) : 3, args.length > 6 ? Long.parseLong(args[6]) : 0);
        } else {
            System.err.println("usage: populate <operator dir> <nkeys dir> <count> [<jwt dir>] | "
                    + "load <host:port> <keys file> <connections> <seconds> [<warm-up seconds>]");
            System.exit(2);
        }
    }

    static void populate(Path opDir, Path nkeys, int count, Path jwtDir) throws IOException {
        String name = opDir.getFileName().toString();
        String opToken = Files.readString(opDir.resolve(name + ".jwt")).trim();
        String opKey = Jwt.decode(opToken).claims().subject();
        Path seedFile = nkeys.resolve("keys/O/" + opKey.substring(1, 3) + "/" + opKey + ".nk");
        NKey signer = NKey.fromSeed(Files.readString(seedFile).trim());
        long now = System.currentTimeMillis() / 1000;
        StringBuilder keys = new StringBuilder();
        if (jwtDir != null) {
            Files.createDirectories(jwtDir);
            Files.writeString(jwtDir.resolve("operator.jwt"), opToken);
        }
        for (int i = 1; i <= count; i++) {
            String account = "A" + i;
            NKey key = NKey.generate(KeyKind.ACCOUNT);
            AccountClaims c = new AccountClaims();
            c.name(account);
            c.subject(key.publicKey());
            String token = Jwt.encode(c, signer, now);
            Path dir = opDir.resolve("accounts/" + account);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(account + ".jwt"), token);
            if (jwtDir != null) {
                Files.writeString(jwtDir.resolve(key.publicKey() + ".jwt"), token);
                keys.append(key.publicKey()).append('\n');
            }
        }
        if (jwtDir != null) {
            Files.writeString(jwtDir.resolve("keys.txt"), keys);
        }
    }

    /** Latencies in 10 µs buckets up to 1 s, and beyond. */
    static final class Histogram {
        final long[] buckets = new long[100_001];
        long count;
        long max;

        void add(long nanos) {
            int b = (int) Math.min(nanos / 10_000, buckets.length - 1);
            buckets[b]++;
            count++;
            max = Math.max(max, nanos);
        }

        void addAll(Histogram o) {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] += o.buckets[i];
            }
            count += o.count;
            max = Math.max(max, o.max);
        }

        /** The upper bound of the bucket holding the p-th percentile, in ms. */
        double percentile(double p) {
            long rank = (long) Math.ceil(count * p / 100.0);
            long seen = 0;
            for (int i = 0; i < buckets.length; i++) {
                seen += buckets[i];
                if (seen >= rank && rank > 0) {
                    return (i + 1) * 0.01;
                }
            }
            return max / 1e6;
        }
    }

    static final class Worker extends Thread {
        final String host;
        final int port;
        final String[] keys;
        final AtomicBoolean measuring;
        final AtomicBoolean stop;
        final java.util.concurrent.atomic.AtomicInteger firstPass;
        final java.util.concurrent.CountDownLatch firstDone;
        final Histogram hist = new Histogram();
        long errors;
        String failure;

        Worker(String host, int port, String[] keys, AtomicBoolean measuring, AtomicBoolean stop,
                java.util.concurrent.atomic.AtomicInteger firstPass, java.util.concurrent.CountDownLatch firstDone) {
            this.firstPass = firstPass;
            this.firstDone = firstDone;
            this.host = host;
            this.port = port;
            this.keys = keys;
            this.measuring = measuring;
            this.stop = stop;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (Socket s = new Socket()) {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(host, port), 5000);
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                InputStream in = new BufferedInputStream(s.getInputStream(), 16384);
                byte[] prefix = "GET /jwt/v1/accounts/".getBytes(StandardCharsets.US_ASCII);
                byte[] suffix = (" HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] req = new byte[prefix.length + 56 + suffix.length];
                System.arraycopy(prefix, 0, req, 0, prefix.length);
                System.arraycopy(suffix, 0, req, prefix.length + 56, suffix.length);
                byte[] body = new byte[65536];
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                for (int i = firstPass.getAndIncrement(); i < keys.length; i = firstPass.getAndIncrement()) {
                    System.arraycopy(keys[i].getBytes(StandardCharsets.US_ASCII), 0, req, prefix.length, 56);
                    out.write(req);
                    if (readResponse(in, body) != 200) {
                        errors++;
                    }
                }
                firstDone.countDown();
                while (!stop.get()) {
                    String key = keys[rnd.nextInt(keys.length)];
                    System.arraycopy(key.getBytes(StandardCharsets.US_ASCII), 0, req, prefix.length, 56);
                    long t0 = System.nanoTime();
                    out.write(req);
                    int status = readResponse(in, body);
                    long dt = System.nanoTime() - t0;
                    if (measuring.get()) {
                        hist.add(dt);
                        if (status != 200) {
                            errors++;
                        }
                    }
                }
            } catch (IOException e) {
                failure = e.toString();
            } finally {
                firstDone.countDown();
            }
        }

        /** Reads one response (headers, then Content-Length bytes of body); returns its status. */
        static int readResponse(InputStream in, byte[] buf) throws IOException {
            StringBuilder line = new StringBuilder();
            int status = -1;
            long length = 0;
            while (true) {
                line.setLength(0);
                int c;
                while ((c = in.read()) != '\n') {
                    if (c < 0) {
                        throw new IOException("connection closed by the server");
                    }
                    if (c != '\r') {
                        line.append((char) c);
                    }
                }
                if (line.length() == 0) {
                    break;
                }
                if (status < 0) {
                    status = Integer.parseInt(line.substring(9, 12));
                } else if (line.length() > 15 && line.substring(0, 15).equalsIgnoreCase("content-length:")) {
                    length = Long.parseLong(line.substring(15).trim());
                }
            }
            while (length > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, length));
                if (n < 0) {
                    throw new IOException("connection closed in a body");
                }
                length -= n;
            }
            return status;
        }
    }

    /** User and system CPU time of a process, in clock ticks (usually 1/100 s). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static void load(String hostPort, Path keysFile, int connections, int seconds, int warmup, long pid) throws Exception {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        String[] keys = Files.readAllLines(keysFile).stream().filter(l -> l.length() == 56).toArray(String[]::new);
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger firstPass = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch firstDone = new java.util.concurrent.CountDownLatch(connections);
        long f0 = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Worker w = new Worker(host, port, keys, measuring, stop, firstPass, firstDone);
            workers.add(w);
            w.start();
        }
        firstDone.await();
        double firstSecs = (System.nanoTime() - f0) / 1e9;
        Thread.sleep(warmup * 1000L);
        long c0 = pid > 0 ? cpuTicks(pid) : 0;
        long t0 = System.nanoTime();
        measuring.set(true);
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        long t1 = System.nanoTime();
        long c1 = pid > 0 ? cpuTicks(pid) : 0;
        stop.set(true);
        Histogram all = new Histogram();
        long errors = 0;
        for (Worker w : workers) {
            w.join(15_000);
            all.addAll(w.hist);
            errors += w.errors;
            if (w.failure != null) {
                System.out.println("connection failed: " + w.failure);
            }
        }
        double secs = (t1 - t0) / 1e9;
        System.out.printf("%d connections, %.1f s: %d requests, %.0f requests/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                + "max %.1f ms, %d not 200%n", connections, secs, all.count, all.count / secs, all.percentile(50),
                all.percentile(90), all.percentile(99), all.max / 1e6, errors);
        System.out.printf("    first pass (each of the %d accounts once): %.1f s, %.0f requests/s", keys.length, firstSecs,
                keys.length / firstSecs);
        if (pid > 0 && all.count > 0) {
            System.out.printf("; server CPU in the measured period: %.1f s, %.0f µs per request", (c1 - c0) / 100.0,
                    (c1 - c0) * 10_000.0 / all.count);
        }
        System.out.println();
    }
}
