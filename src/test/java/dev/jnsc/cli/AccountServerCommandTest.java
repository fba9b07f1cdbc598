package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Nsc;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account-server command's checks of its options and of what it is pointed at; serving itself
 * is tested in-process in dev.jnsc.resolver and through the executable in AccountServerIT.
 */
class AccountServerCommandTest {
    @TempDir
    Path home;

    @Test
    void listedInTheHelp() {
        Nsc nsc = new Nsc(home);
        assertTrue(nsc.ok("--help").out().contains("account-server"));
        String help = nsc.ok("account-server", "--help").out();
        for (String option : new String[] {"--nsc", "--dir", "--operator", "--hp", "--nats", "--creds"}) {
            assertTrue(help.contains(option), option + " in\n" + help);
        }
    }

    @Test
    void optionsThatDoNotGoTogether() {
        Nsc nsc = new Nsc(home).tutorial();
        String op = nsc.stores().resolve("O").toString();
        String opJwt = nsc.operatorJwt("O").toString();
        String dir = home.resolve("jwts").toString();
        usage(nsc, "give either --nsc <operator folder> or --dir <folder>", "account-server");
        usage(nsc, "give either --nsc", "account-server", "--nsc", op, "--dir", dir, "--operator", opJwt);
        usage(nsc, "--dir needs --operator", "account-server", "--dir", dir);
        usage(nsc, "--operator goes with --dir", "account-server", "--nsc", op, "--operator", opJwt);
        usage(nsc, "--nats and --creds go together", "account-server", "--nsc", op, "--nats", "nats://127.0.0.1:4222");
        usage(nsc, "--nats and --creds go together", "account-server", "--dir", dir, "--operator", opJwt, "--nats",
                "nats://127.0.0.1:4222");
        usage(nsc, "--nats and --creds go together", "account-server", "--dir", dir, "--operator", opJwt, "--creds",
                nsc.creds("O", "A", "U").toString());
    }

    @Test
    void listenAddressMustBeHostColonPort() {
        Nsc nsc = new Nsc(home).tutorial();
        String op = nsc.stores().resolve("O").toString();
        for (String hp : new String[] {"9090", "localhost", "localhost:", "localhost:port", "localhost:65536",
                "localhost:-1", "::1:9090", "[zz]:9090", "a b:9090", "localhost:123456"}) {
            usage(nsc, "--hp ", "account-server", "--nsc", op, "--hp", hp);
        }
    }

    @Test
    void failsClearlyWhenItCannotServe() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        fails(nsc, "is not an nsc operator folder", "account-server", "--nsc", home.toString(), "--hp", "127.0.0.1:0");
        fails(nsc, "cannot read the operator JWT", "account-server", "--dir", home.resolve("jwts").toString(),
                "--operator", home.resolve("missing.jwt").toString(), "--hp", "127.0.0.1:0");
        fails(nsc, "expected an operator JWT, found a JWT of type \"account\"", "account-server", "--dir",
                home.resolve("jwts").toString(), "--operator", nsc.accountJwt("O", "A").toString(), "--hp", "127.0.0.1:0");
        fails(nsc, "is not a creds file: it needs a user JWT and a user seed", "account-server", "--dir", home.resolve("jwts").toString(),
                "--operator", nsc.operatorJwt("O").toString(), "--nats", "nats://127.0.0.1:1", "--creds",
                nsc.operatorJwt("O").toString(), "--hp", "127.0.0.1:0");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            fails(nsc, "cannot listen on 127.0.0.1:" + taken.getLocalPort(), "account-server", "--nsc",
                    nsc.stores().resolve("O").toString(), "--hp", "127.0.0.1:" + taken.getLocalPort());
        }
    }
}
