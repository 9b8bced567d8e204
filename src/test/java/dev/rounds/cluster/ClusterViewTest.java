package dev.rounds.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which member runs a probe's slot: every member computes the same one, and only what must move moves. */
class ClusterViewTest {

    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    static final int PROBES = 10_000;

    static Member member(String id, Instant eligibleFrom, Instant leavingAt) {
        return new Member(id, "host", 1, T0.minusSeconds(60), T0, eligibleFrom, leavingAt, 0);
    }

    static Member settled(String id) {
        return member(id, T0.minusSeconds(30), null);
    }

    static long probe(int i) {
        return Rendezvous.hash("daily/service-up/0/target-" + i);
    }

    @Test
    void everyMemberAgreesOnOneOwnerPerSlotAndTheProbesSpreadEvenly() {
        List<Member> members = List.of(settled("a"), settled("b"), settled("c"));
        var views =
                members.stream().map(m -> new ClusterView(m.id(), T0, members)).toList();
        Map<String, Integer> held = new HashMap<>();
        for (int i = 0; i < PROBES; i++) {
            long probe = probe(i);
            long owners = views.stream().filter(v -> v.owns(probe, T0)).count();
            assertEquals(1, owners, "probe " + i + " is run by exactly one member");
            held.merge(views.get(0).owner(probe, T0).id(), 1, Integer::sum);
        }
        for (Member m : members) {
            int share = held.getOrDefault(m.id(), 0);
            assertTrue(share > PROBES / 3 * 0.9 && share < PROBES / 3 * 1.1, m.id() + " holds " + share);
        }
    }

    @Test
    void whenAMemberIsGoneOnlyItsProbesMove() {
        List<Member> three = List.of(settled("a"), settled("b"), settled("c"));
        List<Member> two = List.of(settled("a"), settled("b"));
        var before = new ClusterView("a", T0, three);
        var after = new ClusterView("a", T0, two);
        int moved = 0;
        for (int i = 0; i < PROBES; i++) {
            String was = before.owner(probe(i), T0).id();
            String is = after.owner(probe(i), T0).id();
            if (!was.equals("c")) assertEquals(was, is, "probe " + i + " stays with " + was);
            if (!was.equals(is)) moved++;
        }
        assertTrue(moved > PROBES / 3 * 0.9 && moved < PROBES / 3 * 1.1, "c's third moved: " + moved);
    }

    @Test
    void viewsThatDifferOnlyByAMemberNotYetNoticedDeadNeverBothClaimASlot() {
        List<Member> withDead = List.of(settled("a"), settled("b"), settled("dead"));
        List<Member> noticed = List.of(settled("a"), settled("b"));
        var late = new ClusterView("b", T0, withDead);
        var early = new ClusterView("a", T0, noticed);
        for (int i = 0; i < PROBES; i++) {
            assertFalse(late.owns(probe(i), T0) && early.owns(probe(i), T0), "probe " + i + " claimed twice");
        }
    }

    @Test
    void aJoiningMemberTakesNothingBeforeItsAgreedSlotAndItsShareFromThen() {
        Instant eligible = T0.plusSeconds(6);
        List<Member> members = List.of(settled("a"), member("b", eligible, null));
        var a = new ClusterView("a", T0, members);
        var b = new ClusterView("b", T0, members);
        int takenByB = 0;
        for (int i = 0; i < PROBES; i++) {
            long probe = probe(i);
            assertTrue(a.owns(probe, eligible.minusMillis(1)), "a keeps probe " + i + " until b's slot");
            assertFalse(b.owns(probe, eligible.minusMillis(1)));
            assertTrue(a.owns(probe, eligible) ^ b.owns(probe, eligible), "one of them from b's slot on");
            if (b.owns(probe, eligible)) takenByB++;
        }
        assertTrue(takenByB > PROBES / 2 * 0.9, "b takes its half: " + takenByB);
    }

    @Test
    void aLeavingMemberKeepsItsProbesUntilItsAnnouncedSlotThenTheOthersHaveThem() {
        Instant leaving = T0.plusSeconds(3);
        List<Member> members = List.of(settled("a"), member("b", T0.minusSeconds(30), leaving));
        var a = new ClusterView("a", T0, members);
        var b = new ClusterView("b", T0, members);
        for (int i = 0; i < PROBES; i++) {
            long probe = probe(i);
            Instant before = leaving.minusMillis(1);
            assertTrue(a.owns(probe, before) ^ b.owns(probe, before), "one owner before the handover");
            assertTrue(a.owns(probe, leaving), "a has probe " + i + " from the handover");
            assertFalse(b.owns(probe, leaving));
        }
    }

    @Test
    void aMemberJoiningWhileTheFirstStillSettlesClaimsNothingTheFirstClaimsBeforeSeeingIt() {
        Instant aSettles = T0.plusSeconds(2);
        Instant bSettles = T0.plusSeconds(6);
        Member a = member("a", aSettles, null);
        Member b = member("z", bSettles, null);
        var aNotYetSeenB = new ClusterView("a", T0, List.of(a));
        var bSeesBoth = new ClusterView("z", T0, List.of(a, b));
        for (int i = 0; i < PROBES; i++) {
            long probe = probe(i);
            for (Instant slot : List.of(T0, aSettles, bSettles.minusMillis(1))) {
                assertTrue(aNotYetSeenB.owns(probe, slot), "a runs probe " + i + " at " + slot);
                assertFalse(bSeesBoth.owns(probe, slot), "b runs probe " + i + " at " + slot + " as well");
            }
        }
    }

    @Test
    void membersStartingTogetherRunEverythingUntilOneOfThemSettles() {
        Instant soon = T0.plus(Duration.ofSeconds(6));
        List<Member> starting = List.of(member("a", soon, null), member("b", soon, null));
        var a = new ClusterView("a", T0, starting);
        var b = new ClusterView("b", T0, starting);
        for (int i = 0; i < 1000; i++) {
            assertTrue(a.owns(probe(i), T0) ^ b.owns(probe(i), T0), "one of the settling members runs probe " + i);
        }
        assertNull(ClusterView.alone("a").owner(probe(1), T0));
        assertTrue(ClusterView.alone("a").owns(probe(1), T0), "an instance that knows no members runs everything");
    }
}
