package dev.jnsc.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Permissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The permission flags applied to the permissions that are signed: exactly what is added, removed and reported. */
class PermissionEditsTest {
    private static final List<String> NO = List.of();

    private static List<String> lines(Report r) {
        return r.lines().stream().map(Report.Line::message).toList();
    }

    @Test
    void noneIsEmptyAndEveryFlagIsNot() {
        assertTrue(PermissionEdits.none().isEmpty());
        List<String> one = List.of("a");
        assertFalse(new PermissionEdits(one, NO, NO, NO, NO, NO, NO, null, null, false).isEmpty());
        assertFalse(new PermissionEdits(NO, one, NO, NO, NO, NO, NO, null, null, false).isEmpty());
        assertFalse(new PermissionEdits(NO, NO, one, NO, NO, NO, NO, null, null, false).isEmpty());
        assertFalse(new PermissionEdits(NO, NO, NO, one, NO, NO, NO, null, null, false).isEmpty());
        assertFalse(new PermissionEdits(NO, NO, NO, NO, one, NO, NO, null, null, false).isEmpty());
        assertFalse(new PermissionEdits(NO, NO, NO, NO, NO, one, NO, null, null, false).isEmpty());
        assertFalse(new PermissionEdits(NO, NO, NO, NO, NO, NO, one, null, null, false).isEmpty());
        assertFalse(new PermissionEdits(NO, NO, NO, NO, NO, NO, NO, 1L, null, false).isEmpty());
        assertFalse(new PermissionEdits(NO, NO, NO, NO, NO, NO, NO, null, "1s", false).isEmpty());
        assertFalse(new PermissionEdits(NO, NO, NO, NO, NO, NO, NO, null, null, true).isEmpty());
    }

    @Test
    void removeTakesTheSubjectOutOfEveryList() {
        Permissions p = new Permissions();
        p.pub().allow().addAll(List.of("a", "b"));
        p.pub().deny().add("a");
        p.sub().allow().add("a");
        p.sub().deny().addAll(List.of("a", "c"));
        Report r = new Report();
        new PermissionEdits(NO, NO, NO, NO, NO, NO, List.of(" a "), null, null, false).apply(p, r);
        assertEquals(List.of("b"), p.pub().allow());
        assertEquals(List.of(), p.pub().deny());
        assertEquals(List.of(), p.sub().allow());
        assertEquals(List.of("c"), p.sub().deny());
        assertEquals(List.of("removed permissions for \"a\""), lines(r));
        for (String only : new String[] {"pa", "pd", "sa", "sd"}) {
            Permissions q = new Permissions();
            (only.equals("pa") ? q.pub().allow() : only.equals("pd") ? q.pub().deny() : only.equals("sa")
                    ? q.sub().allow() : q.sub().deny()).add("x");
            new PermissionEdits(NO, NO, NO, NO, NO, NO, List.of("x"), null, null, false).apply(q, new Report());
            assertTrue(q.isEmpty(), only);
        }
        OpsException e = assertThrows(OpsException.class, () -> new PermissionEdits(NO, NO, NO, NO, NO, NO, List.of("z"),
                null, null, false).apply(p, new Report()));
        assertEquals("--rm \"z\": no permission with that subject is set", e.getMessage());
    }

    @Test
    void responsePermissionMaxAndTtl() {
        Permissions p = new Permissions();
        Report r = new Report();
        new PermissionEdits(NO, NO, NO, NO, NO, NO, NO, null, "5s", false).apply(p, r);
        assertEquals(1, p.responseMax());
        assertEquals(5_000_000_000L, p.responseTtlNanos());
        assertEquals(List.of("set response ttl to 5s"), lines(r));
        r = new Report();
        new PermissionEdits(NO, NO, NO, NO, NO, NO, NO, 3L, null, false).apply(p, r);
        assertEquals(3, p.responseMax());
        assertEquals(5_000_000_000L, p.responseTtlNanos(), "the ttl is kept");
        assertEquals(List.of("set max responses to 3"), lines(r));
        r = new Report();
        new PermissionEdits(NO, NO, NO, NO, NO, NO, NO, null, "1m", false).apply(p, r);
        assertEquals(3, p.responseMax(), "the max is kept");
        assertEquals(60_000_000_000L, p.responseTtlNanos());
        r = new Report();
        new PermissionEdits(NO, NO, NO, NO, NO, NO, NO, null, null, true).apply(p, r);
        assertFalse(p.hasResponsePermission());
        assertEquals(List.of("removed response permissions"), lines(r));
        OpsException e = assertThrows(OpsException.class, () -> new PermissionEdits(NO, NO, NO, NO, NO, NO, NO, 0L, null,
                false).apply(p, new Report()));
        assertEquals("--allow-pub-response \"0\" is invalid: expected a count of 1 or more", e.getMessage());
        assertFalse(p.hasResponsePermission());
    }

    @Test
    void subjectsAreCheckedAddedOnceAndSorted() {
        Permissions p = new Permissions();
        Report r = new Report();
        new PermissionEdits(List.of("b", "a"), List.of("q.> grp"), List.of("c"), List.of("d"), List.of("e"), List.of("f"),
                NO, null, null, false).apply(p, r);
        assertEquals(List.of("a", "b", "c"), p.pub().allow());
        assertEquals(List.of("c", "q.> grp"), p.sub().allow());
        assertEquals(List.of("d", "f"), p.pub().deny());
        assertEquals(List.of("e", "f"), p.sub().deny());
        assertEquals(List.of("added pub \"b\"", "added pub \"a\"", "added pub \"c\"", "added sub \"q.> grp\"",
                "added sub \"c\"", "added deny pub \"d\"", "added deny pub \"f\"", "added deny sub \"e\"",
                "added deny sub \"f\""), lines(r));
        new PermissionEdits(List.of("a"), NO, NO, NO, NO, NO, NO, null, null, false).apply(p, new Report());
        assertEquals(List.of("a", "b", "c"), p.pub().allow());
        OpsException e = assertThrows(OpsException.class, () -> new PermissionEdits(List.of("a b"), NO, NO, NO, NO, NO,
                NO, null, null, false).apply(p, new Report()));
        assertEquals("--allow-pub \"a b\" is not a valid subject: it contains whitespace", e.getMessage());
    }
}
