package dev.jnsc.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Subject rules and comparisons. Tables marked with their source come from nats-server
 * server/sublist_test.go and nats-io/jwt v2/types_test.go.
 */
class SubjectsTest {

    @Test
    void validity() {
        for (String ok : new String[] {"a", "a.b", "*", ">", "a.*.c", "a.>", "$SYS.REQ.ACCOUNT.*.*", "q.<x&y"}) {
            assertTrue(Subjects.isValid(ok), ok);
        }
        for (String bad : new String[] {"", "a..b", ".a", "a.", "a b", "a.>.b", "a*", "a.b>", null}) {
            assertFalse(Subjects.isValid(bad), String.valueOf(bad));
        }
        OpsException e = assertThrows(OpsException.class, () -> Subjects.check("--subject", "a.>.b"));
        assertEquals("--subject \"a.>.b\" is not a valid subject: '>' can only be the last token", e.getMessage());
    }

    /** jwt v2 Subject.Validate, which is all the Go nsc 2.11.1 checks of export, import and mapping subjects. */
    @Test
    void theJwtLibraryIsLaxer() {
        for (String ok : new String[] {"a", "a>b", "x*", "a.>.b", "q.<x>&y", "a\tb"}) {
            assertNull(Subjects.libraryProblem(ok), ok);
        }
        assertEquals("subject cannot be empty", Subjects.libraryProblem(""));
        assertEquals("subject cannot be empty", Subjects.libraryProblem(null));
        assertEquals("subject \"a b\" cannot have spaces", Subjects.libraryProblem("a b"));
        assertEquals("subject \".a\" cannot start or end with a `.`", Subjects.libraryProblem(".a"));
        assertEquals("subject \"a.\" cannot start or end with a `.`", Subjects.libraryProblem("a."));
        assertEquals("subject \"a..b\" cannot contain consecutive `.`", Subjects.libraryProblem("a..b"));
    }

    @Test
    void wildcardsAndTokens() {
        assertTrue(Subjects.hasWildcards("a.*"));
        assertTrue(Subjects.hasWildcards(">"));
        assertTrue(Subjects.hasWildcards("*.a"));
        assertFalse(Subjects.hasWildcards("a.b*"));
        assertFalse(Subjects.hasWildcards("a.b"));
        assertEquals(2, Subjects.partialWildcardCount("$SYS.REQ.ACCOUNT.*.*"));
        assertEquals(0, Subjects.partialWildcardCount("a.>"));
        assertEquals(5, Subjects.tokenCount("$SYS.REQ.ACCOUNT.*.*"));
        assertEquals("REQ", Subjects.token("$SYS.REQ.ACCOUNT.*.*", 2));
        assertNull(Subjects.token("a.b", 3));
        assertNull(Subjects.token("a.b", 0));
        assertTrue(Subjects.isPartialWildcardAt("$SYS.ACCOUNT.*.>", 3));
        assertFalse(Subjects.isPartialWildcardAt("$SYS.ACCOUNT.*.>", 4));
        assertFalse(Subjects.isPartialWildcardAt("$SYS.ACCOUNT.*.>", 5));
        assertArrayEquals(new String[] {"a", "", "b", ""}, Subjects.tokens("a..b."));
        assertArrayEquals(new String[] {""}, Subjects.tokens(""));
    }

    /** nats-server TestIsSubsetMatch. */
    @Test
    void subsetMatch() {
        Object[][] cases = {
            {"foo.bar", "foo.bar", true}, {"foo.*", ">", true}, {"foo.*", "*.*", true}, {"foo.*", "foo.*", true},
            {"foo.*", "foo.bar", false}, {"foo.>", ">", true}, {"foo.>", "*.>", true}, {"foo.>", "foo.>", true},
            {"foo.>", "foo.bar", false}, {"foo..bar", "foo.*", false}, {"foo.*", "foo..bar", false},
            // more
            {"foo.*", "foo.>", true}, {"foo.*.bar", "foo.>", true}, {"foo.*.bar", "foo.bar.>", false},
            {"foo.bar.>", "foo.*.bar", false}, {"foo", "foo.>", false}, {"foo.bar", "foo", false},
        };
        for (Object[] c : cases) {
            assertEquals(c[2], Subjects.isSubsetMatch((String) c[0], (String) c[1]), c[0] + " in " + c[1]);
        }
    }

    /** nats-server TestSublistSubjectCollide, and more. */
    @Test
    void collisions() {
        Object[][] cases = {
            {"foo.*", "foo.*.bar.>", false}, {"foo.*.bar.>", "foo.*", false}, {"foo.*", "foo.foo", true},
            {"foo.*", "*.foo", true}, {"foo.bar.>", "*.bar.foo", true},
            // more
            {"orders.>", "orders.new", true}, {"a.*.c", "a.b.>", true}, {"orders.new", "orders.paid", false},
            {"orders.new", "orders.new", true}, {"a.*", "b.*", false}, {"a.*", "a.*.*", false}, {">", "x.y.z", true},
            {"a.>", "*.*", true}, {"a.*.>", "a.>", true}, {"a.b", "a.b.>", false},
        };
        for (Object[] c : cases) {
            assertEquals(c[2], Subjects.collide((String) c[0], (String) c[1]), c[0] + " / " + c[1]);
            assertEquals(c[2], Subjects.collide((String) c[1], (String) c[0]), c[1] + " / " + c[0]);
        }
    }

    /** jwt TestSubjectContainment, and the quirks of the jwt library's token-by-token test. */
    @Test
    void containment() {
        Object[][] cases = {
            {"one.two.three", "one.*.three", true}, {"one.*.three", "one.*.three", true},
            {"one.*.three", "one.two.three", false}, {"one.two.three", "one.two.*", true},
            {"one.two.three", "*.two.three", true}, {"one.two.three", "one.two.>", true},
            {"one.two.three", "one.>", true}, {"one.two.three", ">", true}, {"one.two.three", "one.two", false},
            {"one", "one.two", false},
            // more
            {"one", "one.>", false}, {"one.>", "one.*", true}, {"one.>", "one.>", true}, {"one.*", "one.>", true},
            {"a.b", "a.b", true},
        };
        for (Object[] c : cases) {
            assertEquals(c[2], Subjects.isContainedIn((String) c[0], (String) c[1]), c[0] + " in " + c[1]);
        }
    }

    @Test
    void localSubjectReferencesBecomeWildcards() {
        assertEquals("acct.*.>", Subjects.referencesAsWildcards("acct.$1.>"));
        assertEquals("*.x.*", Subjects.referencesAsWildcards("$2.x.$1"));
        assertEquals("a.$.b", Subjects.referencesAsWildcards("a.$.b"));
        assertEquals("a.$x.b$1", Subjects.referencesAsWildcards("a.$x.b$1"));
        assertEquals("my.lat", Subjects.referencesAsWildcards("my.lat"));
        assertTrue(Subjects.isReference("$+1"), "Go's Atoi takes a sign");
        assertTrue(Subjects.isReference("$-1"));
        assertFalse(Subjects.isReference("$+"));
        assertFalse(Subjects.isReference("$99999999999999999999"), "out of Atoi's range");
    }

    @Test
    void subscribePermissionsWithAQueue() {
        assertEquals("a.>", Subjects.checkWithQueue("--allow-sub", " a.> "));
        assertEquals("a.* q1", Subjects.checkWithQueue("--allow-sub", "a.* q1"));
        assertEquals("a.b q.x", Subjects.checkWithQueue("--allow-sub", " a.b   q.x "));
        for (String v : new String[] {"a q r", "a q\tr"}) {
            OpsException e = assertThrows(OpsException.class, () -> Subjects.checkWithQueue("--allow-sub", v));
            assertEquals("--allow-sub \"" + v + "\" is not valid: expected \"<subject>\" or \"<subject> <queue>\"",
                    e.getMessage());
        }
        OpsException e = assertThrows(OpsException.class, () -> Subjects.checkWithQueue("--allow-sub", "a q..r"));
        assertEquals("--allow-sub \"a q..r\" has an invalid queue name: it has an empty token (check for \"..\" or a"
                + " leading or trailing \".\")", e.getMessage());
        e = assertThrows(OpsException.class, () -> Subjects.checkWithQueue("--allow-sub", "a..b q"));
        assertEquals("--allow-sub \"a..b\" is not a valid subject: it has an empty token (check for \"..\" or a"
                + " leading or trailing \".\")", e.getMessage());
        e = assertThrows(OpsException.class, () -> Subjects.checkWithQueue("--allow-sub", null));
        assertEquals("--allow-sub \"\" is not a valid subject: it is empty", e.getMessage());
    }

    @Test
    void exactRefusals() {
        OpsException e = assertThrows(OpsException.class, () -> Subjects.check("--subject", ""));
        assertEquals("--subject \"\" is not a valid subject: it is empty", e.getMessage());
        for (String v : new String[] {"a.*x", "a.x*", "a.>x", "*x"}) {
            e = assertThrows(OpsException.class, () -> Subjects.check("--subject", v));
            assertEquals("--subject \"" + v + "\" is not a valid subject: wildcards '*' and '>' must be whole tokens",
                    e.getMessage());
        }
        assertEquals("subject \" a\" cannot have spaces", Subjects.libraryProblem(" a"));
    }

    @Test
    void referencesAreDollarAndDigits() {
        for (String v : new String[] {"$0", "$1", "$9", "$10", "$90"}) {
            assertTrue(Subjects.isReference(v), v);
        }
        for (String v : new String[] {"$", "x1", "1", "$/", "$:", "$1a"}) {
            assertFalse(Subjects.isReference(v), v);
        }
    }
}
