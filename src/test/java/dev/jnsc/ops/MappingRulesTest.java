package dev.jnsc.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jnsc.jwt.WeightedMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mapping destinations and weights: what is refused before a mapping is signed into the account JWT. */
class MappingRulesTest {
    @Test
    void emptyAndWhitespaceDestinations() {
        assertEquals("it is empty", MappingRules.destinationProblem("a", ""));
        assertEquals("it contains whitespace", MappingRules.destinationProblem("a", "b c"));
        assertEquals("it contains whitespace", MappingRules.destinationProblem("a", "b\tc"));
        assertNull(MappingRules.destinationProblem("a", "b"));
    }

    @Test
    void partitionNeedsAtLeastOnePartition() {
        assertNull(MappingRules.destinationProblem("a.*", "p.{{partition(1,1)}}"));
        assertNull(MappingRules.destinationProblem("a.*", "p.{{partition(+3,1)}}"));
        assertEquals("\"{{partition(0,1)}}\": the number of partitions must be at least 1, found \"0\"",
                MappingRules.destinationProblem("a.*", "p.{{partition(0,1)}}"));
        assertEquals("\"{{partition(x,1)}}\": the number of partitions must be at least 1, found \"x\"",
                MappingRules.destinationProblem("a.*", "p.{{partition(x,1)}}"));
    }

    @Test
    void splitAndSlicePositionsFromOne() {
        assertNull(MappingRules.destinationProblem("a.*", "p.{{splitFromLeft(1,1)}}"));
        assertNull(MappingRules.destinationProblem("a.*", "p.{{sliceFromRight(1,2)}}"));
        assertEquals("\"{{splitFromLeft(1,0)}}\": the position must be a number of at least 1, found \"0\"",
                MappingRules.destinationProblem("a.*", "p.{{splitFromLeft(1,0)}}"));
        assertEquals("\"{{sliceFromLeft(1,-2)}}\": the position must be a number of at least 1, found \"-2\"",
                MappingRules.destinationProblem("a.*", "p.{{sliceFromLeft(1,-2)}}"));
    }

    @Test
    void functionArguments() {
        assertEquals("\"{{partition(2,5)}}\" refers to wildcard 5, but \"a.*\" has only one '*' wildcard (they are counted"
                + " from 1)", MappingRules.destinationProblem("a.*", "p.{{partition(2,5)}}"));
        assertEquals("\"{{partition(2,x)}}\": \"x\" is not a wildcard number",
                MappingRules.destinationProblem("a.*", "p.{{partition(2,x)}}"));
        assertEquals("\"{{partition(2)}}\": partition takes the number of partitions and at least one wildcard number",
                MappingRules.destinationProblem("a.*", "p.{{partition(2)}}"));
        assertEquals("\"{{splitFromLeft(1)}}\": splitFromLeft takes a wildcard number and a position",
                MappingRules.destinationProblem("a.*", "p.{{splitFromLeft(1)}}"));
        assertEquals("\"{{splitFromLeft(x,1)}}\": \"x\" is not a wildcard number",
                MappingRules.destinationProblem("a.*", "p.{{splitFromLeft(x,1)}}"));
        assertEquals("\"{{split(1)}}\": split takes a wildcard number and a delimiter",
                MappingRules.destinationProblem("a.*", "p.{{split(1)}}"));
        assertNull(MappingRules.destinationProblem("a.*", "p.{{split(1,-)}}"));
    }

    @Test
    void goAtoi() {
        assertEquals(5L, MappingRules.goAtoi("5"));
        assertEquals(5L, MappingRules.goAtoi("+5"));
        assertEquals(-5L, MappingRules.goAtoi("-5"));
        assertEquals(0L, MappingRules.goAtoi("0"));
        assertEquals(9L, MappingRules.goAtoi("9"));
        assertNull(MappingRules.goAtoi(""));
        assertNull(MappingRules.goAtoi("+"));
        assertNull(MappingRules.goAtoi("-"));
        assertNull(MappingRules.goAtoi("5x"));
        assertNull(MappingRules.goAtoi("/"));
        assertNull(MappingRules.goAtoi(":"));
        assertNull(MappingRules.goAtoi("99999999999999999999"));
    }

    @Test
    void olderServersAddTheWeightsOfAllClusters() {
        List<WeightedMapping> one = List.of(new WeightedMapping("b").weight(60), new WeightedMapping("c").weight(50));
        assertNull(MappingRules.olderServerNote("a", one), "one cluster: an error elsewhere, no note");
        List<WeightedMapping> fits = List.of(new WeightedMapping("b").weight(50),
                new WeightedMapping("c").weight(50).cluster("east"));
        assertNull(MappingRules.olderServerNote("a", fits), "100% in all is fine");
        List<WeightedMapping> over = List.of(new WeightedMapping("b").weight(60),
                new WeightedMapping("c").weight(41).cluster("east"));
        assertEquals("the weights of mapping \"a\" add up to 101% over all clusters: nats-server 2.9 ignores the mapping"
                + " (2.10 and later add up each cluster's weights apart)", MappingRules.olderServerNote("a", over));
        List<WeightedMapping> clusterOver = List.of(new WeightedMapping("b").weight(60),
                new WeightedMapping("c").weight(60).cluster("east"), new WeightedMapping("d").weight(50).cluster("east"));
        assertNull(MappingRules.olderServerNote("a", clusterOver), "a cluster above 100% is reported as an error");
    }
}
