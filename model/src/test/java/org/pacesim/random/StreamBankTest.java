package org.pacesim.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

/** Streams depend only on (seed, key, replication); replication r is substream r of the key's stream. */
class StreamBankTest {

    private static double[] draws(RandomStream s, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = s.nextDouble();
        return d;
    }

    @Test
    void sameKeyAndReplicationGiveTheSameNumbersFromAnyBank() {
        assertArrayEquals(draws(new StreamBank(42).stream("stage:panel:route", 3), 1000),
                draws(new StreamBank(42).stream("stage:panel:route", 3), 1000));
    }

    @Test
    void aStreamDoesNotDependOnWhichOtherKeysWereAskedFor() {
        StreamBank a = new StreamBank(42);
        a.stream("stage:ratifying_lar:duration", 0);
        double[] withOther = draws(a.stream("stage:form_e:duration", 2), 100);
        double[] alone = draws(new StreamBank(42).stream("stage:form_e:duration", 2), 100);
        assertArrayEquals(alone, withOther);
    }

    @Test
    void differentKeysSeedsAndReplicationsDiffer() {
        double first = new StreamBank(42).stream("a", 0).nextDouble();
        assertNotEquals(first, new StreamBank(42).stream("b", 0).nextDouble());
        assertNotEquals(first, new StreamBank(43).stream("a", 0).nextDouble());
        assertNotEquals(first, new StreamBank(42).stream("a", 1).nextDouble());
    }

    @Test
    void replicationRIsSubstreamROfTheKeysStream() {
        StreamBank bank = new StreamBank(9);
        MRG32k3a walker = (MRG32k3a) bank.stream("arrival:accommodated:interarrival", 0);
        for (int r = 0; r < 5; r++) walker.resetNextSubstream();
        assertArrayEquals(draws(walker, 500), draws(bank.stream("arrival:accommodated:interarrival", 5), 500));
    }

    @Test
    void seedsAreValidForMrg32k3a() {
        StreamBank bank = new StreamBank(1);
        for (int k = 0; k < 1000; k++) {
            long[] s = bank.seedFor("key" + k);
            for (int i = 0; i < 3; i++) assertEquals(true, s[i] >= 0 && s[i] < 4294967087L);
            for (int i = 3; i < 6; i++) assertEquals(true, s[i] >= 0 && s[i] < 4294944443L);
        }
    }

    @Test
    void concurrentRequestsGiveTheSameStreamsAsSequentialOnes() throws Exception {
        StreamBank shared = new StreamBank(77);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int r = 40; r >= 0; r--) {
                final int rep = r;
                futures.add(pool.submit(() -> draws(shared.stream("k", rep), 50)));
            }
            for (int i = 0; i < futures.size(); i++) {
                int rep = 40 - i;
                assertArrayEquals(draws(new StreamBank(77).stream("k", rep), 50), futures.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
