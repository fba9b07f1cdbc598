package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnsc.testing.Differential;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claims of account limits (JetStream global limits and tiers), user permissions, scoped
 * signing keys, strict signing key usage and the auth callout, written by target/nsc and the Go
 * nsc 2.11.1 (JNSC_REF_NSC), compared on disk by {@link Differential}. nats-server enforces
 * these bytes (0 and -1 are different limits), so every field must match.
 */
class DifferentialClaimsIT {

    @TempDir
    Path dir;
    Differential d;

    @BeforeEach
    void reference() throws Exception {
        d = Differential.orSkip(dir);
        d.run("add", "operator", "O");
        d.run("add", "account", "A");
    }

    /** Every command of a case succeeds in both, so the comparison is of what they wrote. */
    void succeeded() {
        for (Differential.Step s : d.steps()) {
            assertEquals(0, s.go().code(), () -> "go: " + s.command() + ": " + s.go().err() + s.go().out());
            assertEquals(0, s.java().code(), () -> "jnsc: " + s.command() + ": " + s.java().err());
        }
    }

    @Test
    void accountLimitsAndJetStreamTiers() throws Exception {
        d.run("edit", "account", "A", "--conns", "10", "--leaf-conns", "0", "--data", "1M", "--payload", "-1");
        d.run("edit", "account", "A", "--description", "limits");
        d.run("edit", "account", "A", "--js-streams", "3", "--js-max-mem-stream", "1M");
        d.run("edit", "account", "A", "--js-mem-storage", "-1", "--js-disk-storage", "1G");
        d.run("edit", "account", "A", "--subscriptions", "100", "--imports", "2", "--exports", "0");
        d.run("edit", "account", "A", "--rm-js-tier", "0");
        d.run("add", "account", "B");
        d.run("edit", "account", "B", "--js-enable", "1");
        d.run("edit", "account", "B", "--conns", "5");
        d.run("edit", "account", "B", "--js-tier", "1", "--js-streams", "7");
        d.run("edit", "account", "B", "--js-tier", "3", "--js-disk-storage", "1G", "--js-max-bytes-required");
        d.run("edit", "account", "B", "--js-tier", "3", "--js-consumer", "4", "--js-max-ack-pending", "9");
        d.run("edit", "account", "B", "--rm-js-tier", "1");
        d.run("add", "account", "C");
        d.run("edit", "account", "C", "--js-enable", "0");
        d.run("edit", "account", "C", "--js-max-disk-stream", "2G");
        d.run("edit", "account", "C", "--js-disable");
        d.run("edit", "account", "C", "--tag", "Zeta,alpha");
        succeeded();
        d.assertOnly(DifferentialMappingsIT.gaps());
    }

    @Test
    void userPermissionsSortedAsGoSortsThem() throws Exception {
        d.run("add", "user", "U", "--allow-pub", "b.>,a.*", "--allow-sub", "q,c", "--deny-pub", "z,y",
                "--deny-sub", "x,w", "--tag", "Zeta,alpha,Beta", "--source-network", "10.0.0.0/8,1.2.3.0/24");
        d.run("edit", "user", "U", "--allow-pub", "0a,zz", "--allow-pubsub", "m,d", "--tag", "b",
                "--source-network", "192.168.0.0/16", "--conn-type", "WEBSOCKET,STANDARD");
        d.run("edit", "user", "U", "--rm", "zz", "--allow-pub-response", "--response-ttl", "5s");
        d.run("edit", "account", "A", "--allow-pub", "z,a", "--deny-sub", "y,b", "--tag", "Zed,apple");
        d.run("edit", "account", "A", "--allow-pubsub", "m");
        succeeded();
        d.assertOnly(DifferentialIT.identityGaps());
    }

    @Test
    void scopedSigningKeyTemplates() throws Exception {
        d.run("edit", "account", "A", "--sk", "generate");
        d.runWithLastKey("edit", "signing-key", "--account", "A", "--sk", "@last", "--role", "r1");
        d.runWithLastKey("edit", "signing-key", "--account", "A", "--sk", "@last", "--allow-pub", "b,a",
                "--deny-sub", "z,c", "--allow-pub-response");
        d.runWithLastKey("edit", "signing-key", "--account", "A", "--sk", "@last", "--subs", "5",
                "--source-network", "10.0.0.0/8,1.2.3.0/24");
        d.run("add", "user", "U", "-K", "r1");
        d.run("edit", "account", "A", "--sk", "generate");
        d.runWithLastKey("edit", "signing-key", "--account", "A", "--sk", "@last", "--role", "r2", "--data", "1K");
        succeeded();
        d.assertOnly(DifferentialIT.identityGaps());
    }

    @Test
    void requireSigningKeysResignsTheOperatorWithASigningKey() throws Exception {
        d.run("edit", "operator", "--sk", "generate");
        d.runWithLastKey("edit", "account", "A", "--description", "signed by the signing key", "-K", "@last");
        d.run("edit", "operator", "--require-signing-keys");
        d.run("edit", "operator", "--tag", "prod");
        d.run("add", "account", "B");
        d.run("edit", "operator", "--service-url", "nats://localhost:4222");
        succeeded();
        d.assertOnly(DifferentialMappingsIT.gaps());
    }

    @Test
    void authCalloutAndTraceContext() throws Exception {
        d.run("add", "user", "-a", "A", "auth");
        d.runWithLastKey("edit", "authcallout", "-a", "A", "--auth-user", "@last");
        d.run("add", "account", "B");
        d.runWithLastKey("edit", "authcallout", "A", "--allowed-account", "@last", "--curve", "generate");
        d.run("edit", "authcallout", "-a", "A", "--rm-curve");
        d.run("add", "account", "C");
        d.runWithLastKey("edit", "authcallout", "-a", "A", "--allowed-account", "@last");
        d.runWithLastKey("edit", "authcallout", "-a", "A", "--rm-allowed-account", "@last");
        d.run("edit", "account", "A", "--trace-context-subject", "trace.a", "--trace-context-sampling", "25");
        d.run("edit", "account", "A", "--trace-context-subject", "trace.b");
        d.run("edit", "account", "A", "--trace-context-sampling", "0");
        d.run("edit", "account", "B", "--trace-context-subject", "t.b");
        d.run("edit", "account", "B", "--trace-context-subject", "");
        d.run("edit", "authcallout", "-a", "A", "--curve", "generate");
        succeeded();
        d.assertOnly(DifferentialIT.identityGaps());
        d.run("edit", "authcallout", "-a", "A", "--disable");
        succeeded();
        d.assertOnly(DifferentialIT.identityGaps());
    }
}
