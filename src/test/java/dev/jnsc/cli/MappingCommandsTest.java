package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.fs.StoreLock;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.WeightedMapping;
import dev.jnsc.testing.Nsc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** add mapping and delete mapping: the mappings in the account JWT, every flag and every refusal. */
class MappingCommandsTest {
    @TempDir
    Path home;
    Nsc nsc;

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
    }

    private AccountClaims account(String name) {
        return Jwt.decode(Nsc.read(nsc.accountJwt("O", name))).as(AccountClaims.class, "an account");
    }

    private Map<String, List<WeightedMapping>> mappings() {
        return account("A").mappings();
    }

    /** "to weight cluster" for each destination of {@code from}, the weight as written (0 = left out). */
    private List<String> entries(String from) {
        List<String> out = new ArrayList<>();
        for (WeightedMapping m : mappings().get(from)) {
            out.add(m.subject() + " " + m.weight() + (m.cluster().isEmpty() ? "" : " " + m.cluster()));
        }
        return out;
    }

    @Test
    void addsAMappingSignedByTheOperator() {
        Nsc.Result r = nsc.ok("add", "mapping", "--from", "orders", "--to", "orders.eu");
        assertEquals("[ OK ] added mapping orders -> orders.eu, weight 100%\n", r.out());
        assertEquals("", r.err());
        assertEquals(List.of("orders.eu 0"), entries("orders"), "no --weight: left out, meaning 100");
        OperatorClaims oc = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
        assertEquals(oc.subject(), account("A").issuer());
        assertTrue(nsc.ok("describe", "account", "--json").out().contains("\"mappings\": {\n   \"orders\": [\n    {\n"
                + "     \"subject\": \"orders.eu\"\n    }\n   ]\n  }"));
    }

    @Test
    void weightClusterAndAccountFlags() {
        nsc.ok("add", "account", "B");
        nsc.ok("add", "mapping", "-a", "A", "-f", "a.*", "-t", "b.$1", "--weight", "60");
        nsc.ok("add", "mapping", "-a", "A", "-f", "a.*", "-t", "c.{{wildcard(1)}}", "--weight", "40");
        Nsc.Result r = nsc.ok("add", "mapping", "--account", "B", "-f", "a.*", "-t", "east.$1", "--weight", "100",
                "--cluster", "east");
        assertEquals("[ OK ] added mapping a.* -> east.$1, weight 100% in cluster east\n", r.out());
        assertEquals(List.of("b.$1 60", "c.{{wildcard(1)}} 40"), entries("a.*"));
        assertEquals(List.of("east.$1 100 east"), listOf(account("B").mappings().get("a.*")));
    }

    private static List<String> listOf(List<WeightedMapping> l) {
        List<String> out = new ArrayList<>();
        for (WeightedMapping m : l) {
            out.add(m.subject() + " " + m.weight() + (m.cluster().isEmpty() ? "" : " " + m.cluster()));
        }
        return out;
    }

    @Test
    void addingAnExistingPairChangesItsWeight() {
        nsc.ok("add", "mapping", "-f", "a", "-t", "b", "--weight", "40");
        nsc.ok("add", "mapping", "-f", "a", "-t", "c", "--weight", "60");
        Nsc.Result r = nsc.ok("add", "mapping", "-f", "a", "-t", "b", "--weight", "30");
        assertEquals("[ OK ] changed mapping a -> b, weight 30% (was 40%)\n", r.out());
        assertEquals(List.of("b 30", "c 60"), entries("a"));
        // the same pair in a cluster is its own entry, changed on its own
        nsc.ok("add", "mapping", "-f", "x", "-t", "y", "--cluster", "k", "--weight", "10");
        nsc.ok("add", "mapping", "-f", "x", "-t", "y", "--cluster", "k", "--weight", "20");
        assertEquals(List.of("y 20 k"), entries("x"));
        // without --weight the entry goes back to no weight (100%), as in the Go nsc
        nsc.ok("add", "mapping", "-f", "x", "-t", "y", "--cluster", "k");
        assertEquals(List.of("y 0 k"), entries("x"));
    }

    @Test
    void mappingFunctionsNatsServer29Knows() {
        String[][] ok = {
            {"a.*", "b.{{wildcard(1)}}"}, {"a.*", "b.{{Wildcard(1)}}"}, {"a.*.*", "b.$2.$1"},
            {"p.*", "p.{{partition(3,1)}}.$1"}, {"s.*", "s.{{split(1,-)}}"}, {"l.*", "l.{{SplitFromLeft(1,2)}}"},
            {"r.*", "r.{{splitFromRight(1,2)}}"}, {"m.*", "m.{{sliceFromLeft(1,3)}}"}, {"n.*", "n.{{SliceFromRight(1,3)}}"},
            {"f.>", "g.>"}, {">", "all.>"}, {"lit", "a.$x"}, {"q.x&y", "r"}};
        for (String[] m : ok) {
            nsc.ok("add", "mapping", "-f", m[0], "-t", m[1], "--weight", "1");
            assertEquals(m[1] + " 1", entries(m[0]).get(entries(m[0]).size() - 1));
        }
    }

    private static Arguments refused(String message, String... args) {
        return Arguments.of(message, args);
    }

    static Stream<Arguments> refusals() {
        String range = "is not valid: expected a whole number from 1 to 100 (percent)";
        return Stream.of(
                refused("--weight \"0\" " + range, "add", "mapping", "-f", "a", "-t", "b", "--weight", "0"),
                refused("--weight \"101\" " + range, "add", "mapping", "-f", "a", "-t", "b", "--weight", "101"),
                refused("--weight \"-5\" " + range, "add", "mapping", "-f", "a", "-t", "b", "--weight=-5"),
                refused("--weight \"half\" " + range, "add", "mapping", "-f", "a", "-t", "b", "--weight", "half"),
                refused("--from \"a..b\" is not a valid subject: it has an empty token", "add", "mapping", "-f", "a..b",
                        "-t", "c"),
                refused("--from \"a.>.b\" is not a valid subject: '>' can only be the last token", "add", "mapping", "-f",
                        "a.>.b", "-t", "c"),
                refused("--from \"a b\" is not a valid subject: it contains whitespace", "add", "mapping", "-f", "a b",
                        "-t", "c"),
                refused("--to \"b..c\" is not a valid destination for --from \"a\": it has an empty token", "add", "mapping",
                        "-f", "a", "-t", "b..c"),
                refused("--to \"b c\" is not a valid destination for --from \"a\": it contains whitespace", "add",
                        "mapping", "-f", "a", "-t", "b c"),
                refused("--to \"y.*\" is not a valid destination for --from \"x.*\": '*' cannot be part of a destination",
                        "add", "mapping", "-f", "x.*", "-t", "y.*"),
                refused("--to \"y.$2\" is not a valid destination for --from \"x.*\": \"$2\" refers to wildcard 2, but"
                        + " \"x.*\" has only one '*' wildcard (they are counted from 1)", "add", "mapping", "-f", "x.*",
                        "-t", "y.$2"),
                refused("\"$0\" refers to wildcard 0", "add", "mapping", "-f", "x.*", "-t", "y.$0"),
                refused("\"{{wildcard(1)}}\" refers to wildcard 1, but \"q\" has no '*' wildcards", "add", "mapping", "-f",
                        "q", "-t", "{{wildcard(1)}}"),
                refused("\"{{foo(1)}}\" uses an unknown mapping function", "add", "mapping", "-f", "x.*", "-t",
                        "y.{{foo(1)}}"),
                refused("\"{{foo(1)}}\" uses an unknown mapping function \"foo\" (nats-server 2.9 knows wildcard,"
                        + " partition, split, splitFromLeft, splitFromRight, sliceFromLeft, sliceFromRight)", "add",
                        "mapping", "-f", "x.*", "-t", "y.{{foo(1)}}"),
                refused("uses an unknown mapping function \"SPLITFROMLEFT\"", "add", "mapping", "-f", "x.*", "-t",
                        "y.{{SPLITFROMLEFT(1,2)}}"),
                refused("\"{{wildcard(1,2)}}\": wildcard takes one argument", "add", "mapping", "-f", "x.*.*", "-t",
                        "y.{{wildcard(1,2)}}.$2"),
                refused("\"{{wildcard(one)}}\": \"one\" is not a wildcard number", "add", "mapping", "-f", "x.*", "-t",
                        "y.{{wildcard(one)}}"),
                refused("\"{{partition(0,1)}}\": the number of partitions must be at least 1", "add", "mapping", "-f",
                        "x.*", "-t", "y.{{partition(0,1)}}"),
                refused("partition takes the number of partitions and at least one wildcard number", "add", "mapping",
                        "-f", "x.*", "-t", "y.$1.{{partition(3)}}"),
                refused("\"{{splitFromLeft(1,0)}}\": the position must be a number of at least 1", "add", "mapping", "-f",
                        "x.*", "-t", "y.{{splitFromLeft(1,0)}}"),
                refused("split takes a wildcard number and a delimiter", "add", "mapping", "-f", "x.*", "-t",
                        "y.{{split(1)}}"),
                refused("\"y{{wildcard(1)}}\" is not a mapping function: a function is a whole token", "add", "mapping",
                        "-f", "x.*", "-t", "y{{wildcard(1)}}"),
                refused("--to \"y*\" is not a valid destination for --from \"x\": wildcards '*' and '>' must be whole"
                        + " tokens", "add", "mapping", "-f", "x", "-t", "y*"),
                refused("--from \"q.<x>&y\" is not a valid subject: wildcards '*' and '>' must be whole tokens", "add",
                        "mapping", "-f", "q.<x>&y", "-t", "r"),
                refused("it must end in \">\" because \"a.>\" does", "add", "mapping", "-f", "a.>", "-t", "b"),
                refused("it may end in \">\" only when the source subject does (\"a\" does not)", "add", "mapping", "-f",
                        "a", "-t", "b.>"),
                refused("'>' can only be the last token", "add", "mapping", "-f", "a.>", "-t", "b.>.c"),
                refused("--to \"s\" is not a valid destination for --from \"r.*\": it has no reference for the '*'"
                        + " wildcard of \"r.*\": nats-server 2.9 ignores a mapping unless each '*' has its $n or"
                        + " {{wildcard(n)}}", "add", "mapping", "-f", "r.*", "-t", "s"),
                refused("it has one reference for the 2 '*' wildcards of \"p.*.*\"", "add", "mapping", "-f", "p.*.*",
                        "-t", "p.{{partition(3,1,2)}}"),
                refused("--cluster \"a b\" is not a valid cluster name", "add", "mapping", "-f", "a", "-t", "b",
                        "--cluster", "a b"),
                refused("--to \"\" is empty", "add", "mapping", "-f", "a", "-t", ""),
                refused("--cluster \"\" is empty", "add", "mapping", "-f", "a", "-t", "b", "--cluster", ""),
                refused("account \"Z\" does not exist in operator \"O\"", "add", "mapping", "-a", "Z", "-f", "a", "-t", "b"),
                refused("account \"Z\" does not exist in operator \"O\"", "delete", "mapping", "-a", "Z", "-f", "a"),
                refused("account \"A\" has no mapping from \"nope\"", "delete", "mapping", "-f", "nope"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWhatCanNeverWork(String message, String[] args) {
        fails(nsc, message, args);
    }

    @Test
    void refusesWeightsAbove100InTotal() {
        nsc.ok("add", "mapping", "-f", "a", "-t", "b", "--weight", "70");
        fails(nsc, "the weights of mapping \"a\" add up to 120% (b 70%, c 50%): they may add up to 100% at most - lower"
                + " --weight, or change or delete the others first", "add", "mapping", "-f", "a", "-t", "c", "--weight", "50");
        // no --weight is 100%
        fails(nsc, "add up to 170% (b 70%, c 100%)", "add", "mapping", "-f", "a", "-t", "c");
        // raising an existing entry counts its new weight only
        nsc.ok("add", "mapping", "-f", "a", "-t", "c", "--weight", "30");
        fails(nsc, "add up to 101% (b 71%, c 30%)", "add", "mapping", "-f", "a", "-t", "b", "--weight", "71");
        // each cluster has its own 100%, apart from the entries for every cluster
        nsc.ok("add", "mapping", "-f", "a", "-t", "e", "--cluster", "east", "--weight", "90");
        fails(nsc, "the weights of mapping \"a\" in cluster \"east\" add up to 110% (e 90%, w 20%)", "add", "mapping",
                "-f", "a", "-t", "w", "--cluster", "east", "--weight", "20");
        nsc.ok("add", "mapping", "-f", "a", "-t", "w", "--cluster", "west", "--weight", "100");
        assertEquals(List.of("b 70", "c 30", "e 90 east", "w 100 west"), entries("a"));
    }

    @Test
    void sameDestinationTwiceIsRefusedEvenInAnotherCluster() {
        nsc.ok("add", "mapping", "-f", "a", "-t", "b", "--cluster", "east", "--weight", "50");
        fails(nsc, "\"b\" is already a destination of \"a\" in cluster \"east\": nats-server ignores a mapping with the same"
                + " destination twice, even for different clusters - delete that one first (nsc delete mapping -f a -t b"
                + " --cluster east)", "add", "mapping", "-f", "a", "-t", "b", "--weight", "50");
    }

    @Test
    void warnsWhenNatsServer29WouldAddUpTheClusters() {
        nsc.ok("add", "mapping", "-f", "c", "-t", "c.local", "--cluster", "east", "--weight", "100");
        Nsc.Result r = nsc.ok("add", "mapping", "-f", "c", "-t", "c.rest", "--weight", "70");
        assertTrue(r.out().contains("[WARN] the weights of mapping \"c\" add up to 170% over all clusters: nats-server 2.9"
                + " ignores the mapping (2.10 and later add up each cluster's weights apart)"), r.out());
        assertEquals(List.of("c.local 100 east", "c.rest 70"), entries("c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "delete"})
    void fromIsRequired(String verb) {
        usage(nsc, "--from is required: nsc " + verb + " mapping -f <subject>", verb, "mapping", "-t", "b");
    }

    @Test
    void toIsRequiredToAdd() {
        usage(nsc, "--to is required: nsc add mapping -f <subject> -t <subject> [--weight 1-100] [--cluster <name>]",
                "add", "mapping", "-f", "a");
        usage(nsc, "Unknown option: '--bogus'", "add", "mapping", "-f", "a", "-t", "b", "--bogus");
    }

    @Test
    void deleteOneDestinationAllOfACluster_orAll() {
        for (String to : new String[] {"b", "c", "d"}) {
            nsc.ok("add", "mapping", "-f", "a", "-t", to, "--weight", "10");
        }
        nsc.ok("add", "mapping", "-f", "a", "-t", "e", "--weight", "10", "--cluster", "k");
        nsc.ok("add", "mapping", "-f", "a", "-t", "f", "--weight", "10", "--cluster", "k");
        nsc.ok("add", "mapping", "-f", "z", "-t", "y");
        // the third of four: the Go nsc 2.11.1 removes the fourth (another cluster's) with it
        Nsc.Result r = nsc.ok("delete", "mapping", "-f", "a", "-t", "d");
        assertEquals("[ OK ] deleted mapping a -> d\n", r.out());
        assertEquals(List.of("b 10", "c 10", "e 10 k", "f 10 k"), entries("a"));
        fails(nsc, "account \"A\" has no mapping \"a\" -> \"e\" for every cluster (it has one in cluster \"k\": add"
                + " --cluster k)", "delete", "mapping", "-f", "a", "-t", "e");
        fails(nsc, "account \"A\" has no mapping \"a\" -> \"b\" in cluster \"k\"", "delete", "mapping", "-f", "a", "-t",
                "b", "--cluster", "k");
        fails(nsc, "account \"A\" has no mapping \"a\" -> \"q\"", "delete", "mapping", "-f", "a", "-t", "q");
        fails(nsc, "account \"A\" has no mapping from \"a\" in cluster \"west\"", "delete", "mapping", "-f", "a",
                "--cluster", "west");
        r = nsc.ok("delete", "mapping", "-f", "a", "-t", "e", "--cluster", "k");
        assertEquals("[ OK ] deleted mapping a -> e in cluster k\n", r.out());
        // --cluster alone: that cluster's entries only (the Go nsc deletes every entry of the subject)
        r = nsc.ok("delete", "mapping", "-f", "a", "--cluster", "k");
        assertEquals("[ OK ] deleted all mapping in cluster k for a\n", r.out());
        assertEquals(List.of("b 10", "c 10"), entries("a"));
        nsc.ok("delete", "mapping", "-f", "a", "-t", "b");
        nsc.ok("delete", "mapping", "-f", "a", "-t", "c");
        assertFalse(mappings().containsKey("a"), "a subject without destinations is removed");
        r = nsc.ok("delete", "mapping", "--from", "z", "--account", "A");
        assertEquals("[ OK ] deleted all mapping for z\n", r.out());
        assertTrue(mappings().isEmpty());
        assertFalse(Nsc.read(nsc.accountJwt("O", "A")).isEmpty());
        assertFalse(nsc.ok("describe", "account", "--json").out().contains("mappings"));
    }

    @Test
    void signsWithTheOperatorSigningKeyWhenRequired() {
        nsc.ok("edit", "operator", "--sk", "generate");
        OperatorClaims oc = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
        String osk = oc.signingKeys().get(0);
        nsc.ok("add", "mapping", "-f", "a", "-t", "b");
        assertEquals(oc.subject(), account("A").issuer(), "the identity key signs without -K, as in the Go nsc");
        nsc.ok("add", "mapping", "-f", "x", "-t", "y", "-K", osk);
        assertEquals(osk, account("A").issuer());
        nsc.ok("delete", "mapping", "-f", "a", "-K", oc.subject());
        assertEquals(oc.subject(), account("A").issuer());
        assertNull(account("A").mappings().get("a"));
    }

    @Test
    void waitsForTheStoreLock() throws Exception {
        try (StoreLock held = StoreLock.acquire(List.of(nsc.stores(), nsc.keystore()), Duration.ZERO, f -> { })) {
            fails(nsc, "gave up waiting for the store lock after 0s", "add", "mapping", "-f", "a", "-t", "b",
                    "--lock-timeout", "0");
            fails(nsc, "gave up waiting for the store lock after 0s", "delete", "mapping", "-f", "a", "--lock-timeout",
                    "0");
        }
    }

    @Test
    void describeShowsTheMappingsTable() {
        nsc.ok("add", "mapping", "-f", "orders.new", "-t", "orders.east", "--weight", "60");
        nsc.ok("add", "mapping", "-f", "orders.new", "-t", "orders.west", "--weight", "40");
        nsc.ok("add", "mapping", "-f", "a.*", "-t", "b.{{wildcard(1)}}");
        String out = nsc.ok("describe", "account").out();
        // the Go nsc 2.11.1's table for these mappings, in its box characters
        String table = String.join("\n",
                "╭─────────────────────────────────────────────╮",
                "│                  Mappings                   │",
                "├────────────┬───────────────────┬────────────┤",
                "│ From       │ To                │ Weight (%) │",
                "├────────────┼───────────────────┼────────────┤",
                "│ a.*        │ b.{{wildcard(1)}} │ 100        │",
                "│            │                   │ sum=100    │",
                "│ orders.new │ orders.east       │ 60         │",
                "│            │ orders.west       │ 40         │",
                "│            │                   │ sum=100    │",
                "╰────────────┴───────────────────┴────────────╯", "", "");
        assertTrue(out.endsWith("╯\n\n" + table), out);
        // clusters: a Cluster column and a sum per cluster
        nsc.ok("add", "mapping", "-f", "c", "-t", "c.local", "--cluster", "east", "--weight", "100");
        nsc.ok("add", "mapping", "-f", "c", "-t", "c.rest", "--weight", "70");
        out = nsc.ok("describe", "account").out();
        for (String row : new String[] {"│ From       │ To                │ Weight (%) │ Cluster │",
            "│ c          │ c.local           │ 100        │ east    │", "│            │ c.rest            │ 70         │         │",
            "│            │                   │ sum=70     │         │", "│            │                   │ sum=100    │ east    │"}) {
            assertTrue(out.contains(row), () -> "missing " + row + "\n" + nsc.ok("describe", "account").out());
        }
    }
}
