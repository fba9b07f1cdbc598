package dev.jnsc.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.TimeRange;
import dev.jnsc.jwt.UserPermissionLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user limit flags applied to the limits that are signed: exactly what is set, kept and removed. */
class LimitEditsTest {
    private static LimitEdits edits(String subs, String data, String payload, Boolean bearer, List<String> src,
            List<String> rmSrc, List<String> times, List<String> rmTimes, String locale, List<String> conn,
            List<String> rmConn) {
        return new LimitEdits(subs, data, payload, bearer, src, rmSrc, times, rmTimes, locale, conn, rmConn);
    }

    private static List<String> lines(Report r) {
        return r.lines().stream().map(Report.Line::message).toList();
    }

    @Test
    void noneIsEmptyAndEveryFlagIsNot() {
        assertTrue(LimitEdits.none().isEmpty());
        List<String> one = List.of("x");
        List<String> no = List.of();
        assertFalse(edits("1", null, null, null, no, no, no, no, null, no, no).isEmpty());
        assertFalse(edits(null, "1", null, null, no, no, no, no, null, no, no).isEmpty());
        assertFalse(edits(null, null, "1", null, no, no, no, no, null, no, no).isEmpty());
        assertFalse(edits(null, null, null, false, no, no, no, no, null, no, no).isEmpty());
        assertFalse(edits(null, null, null, null, one, no, no, no, null, no, no).isEmpty());
        assertFalse(edits(null, null, null, null, no, one, no, no, null, no, no).isEmpty());
        assertFalse(edits(null, null, null, null, no, no, one, no, null, no, no).isEmpty());
        assertFalse(edits(null, null, null, null, no, no, no, one, null, no, no).isEmpty());
        assertFalse(edits(null, null, null, null, no, no, no, no, "UTC", no, no).isEmpty());
        assertFalse(edits(null, null, null, null, no, no, no, no, null, one, no).isEmpty());
        assertFalse(edits(null, null, null, null, no, no, no, no, null, no, one).isEmpty());
    }

    @Test
    void setsTheLimitsAndSaysSo() {
        UserPermissionLimits l = new UserPermissionLimits();
        Report r = new Report();
        List<String> no = List.of();
        edits("10", "1K", "-1", true, List.of("10.0.0.1", "10.0.0.1/32"), no, List.of("08:00:00-17:00:00",
                "08:00:00-17:00:00"), no, "UTC", List.of("mqtt", "MQTT"), no).apply(l, r);
        assertEquals(10, l.subs());
        assertEquals(1000, l.data());
        assertEquals(-1, l.payload());
        assertTrue(l.bearerToken());
        assertEquals(List.of("10.0.0.1/32"), l.src());
        assertEquals(List.of(new TimeRange("08:00:00", "17:00:00")), l.times());
        assertEquals("UTC", l.timesLocation());
        assertEquals(List.of("MQTT"), l.allowedConnectionTypes());
        assertEquals(List.of("set max subscriptions to 10", "set max data to 1000", "set max payload to unlimited",
                "set bearer token to true", "added source network \"10.0.0.1/32\"", "added source network \"10.0.0.1/32\"",
                "added time window 08:00:00-17:00:00", "added time window 08:00:00-17:00:00", "set locale \"UTC\"",
                "added connection type \"MQTT\"", "added connection type \"MQTT\""), lines(r));
    }

    @Test
    void removesOnlyWhatIsNamed() {
        UserPermissionLimits l = new UserPermissionLimits();
        l.src().addAll(List.of("10.0.0.0/8", "192.168.0.0/16"));
        l.times().addAll(List.of(new TimeRange("08:00:00", "12:00:00"), new TimeRange("13:00:00", "17:00:00")));
        l.allowedConnectionTypes().addAll(List.of("STANDARD", "MQTT"));
        Report r = new Report();
        List<String> no = List.of();
        edits(null, null, null, null, no, List.of("10.0.0.0/8"), no, List.of(" 13:00:00-17:00:00 "), null, no,
                List.of("mqtt")).apply(l, r);
        assertEquals(List.of("192.168.0.0/16"), l.src());
        assertEquals(List.of(new TimeRange("08:00:00", "12:00:00")), l.times());
        assertEquals(List.of("STANDARD"), l.allowedConnectionTypes());
        assertEquals(List.of("removed source network \"10.0.0.0/8\"", "removed time window starting 13:00:00",
                "removed connection type \"MQTT\""), lines(r));
        edits(null, null, null, null, no, no, no, List.of("08:00:00"), null, no, no).apply(l, new Report());
        assertEquals(List.of(), l.times());
    }

    @Test
    void removingWhatIsNotSetIsRefused() {
        UserPermissionLimits l = new UserPermissionLimits();
        l.times().add(new TimeRange("08:00:00", "12:00:00"));
        List<String> no = List.of();
        OpsException e = assertThrows(OpsException.class, () -> edits(null, null, null, null, no, List.of("10.0.0.0/8"),
                no, no, null, no, no).apply(l, new Report()));
        assertEquals("--rm-source-network \"10.0.0.0/8\": no such source network is set", e.getMessage());
        e = assertThrows(OpsException.class, () -> edits(null, null, null, null, no, no, no, List.of("09:00:00"), null,
                no, no).apply(l, new Report()));
        assertEquals("--rm-time \"09:00:00\": no time window starts at 09:00:00", e.getMessage());
        e = assertThrows(OpsException.class, () -> edits(null, null, null, null, no, no, no, List.of("-12:00:00"), null,
                no, no).apply(l, new Report()));
        assertEquals("--rm-time \"-12:00:00\": no time window starts at -12:00:00", e.getMessage());
        e = assertThrows(OpsException.class, () -> edits(null, null, null, null, no, no, no, no, null, no,
                List.of("leafnode")).apply(l, new Report()));
        assertEquals("--rm-conn-type \"leafnode\": that connection type is not set", e.getMessage());
        assertEquals(List.of(new TimeRange("08:00:00", "12:00:00")), l.times());
    }

    @Test
    void editLeavesSourceNetworksSorted() {
        UserPermissionLimits l = new UserPermissionLimits();
        l.src().add("192.168.0.0/16");
        List<String> no = List.of();
        edits(null, null, null, null, List.of("10.0.0.0/8"), no, no, no, null, no, no).applyEdit(l, new Report());
        assertEquals(List.of("10.0.0.0/8", "192.168.0.0/16"), l.src());
        UserPermissionLimits added = new UserPermissionLimits();
        added.src().add("192.168.0.0/16");
        edits(null, null, null, null, List.of("10.0.0.0/8"), no, no, no, null, no, no).apply(added, new Report());
        assertEquals(List.of("192.168.0.0/16", "10.0.0.0/8"), added.src(), "add keeps the order given");
    }
}
