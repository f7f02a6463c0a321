package cn.college.disclosure.channel.wechat.digest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Which approved items a digest takes: the newest approvals first (the first article is the
 * headline of the push), at most {@code max}; the others roll to the next digest, where they
 * compete again with that day's approvals.
 */
final class DigestSelection {

    /** WeChat's limit on the articles of one draft. */
    static final int WECHAT_MAX_ARTICLES = 8;

    /** An approved item version waiting for a digest. */
    record Candidate(UUID itemId, int version, Instant approvedAt, String title) {}

    /** The articles of the digest, in order, and what rolls to the next one. */
    record Selected(List<Candidate> taken, List<Candidate> rolled) {}

    private static final Comparator<Candidate> NEWEST_FIRST =
            Comparator.comparing(Candidate::approvedAt)
                    .reversed()
                    .thenComparing(Candidate::itemId)
                    .thenComparing(Candidate::version);

    private DigestSelection() {}

    static Selected select(List<Candidate> candidates, Instant cutOff, int max) {
        List<Candidate> eligible =
                candidates.stream()
                        .filter(candidate -> !candidate.approvedAt().isAfter(cutOff))
                        .sorted(NEWEST_FIRST)
                        .toList();
        int taken = Math.min(max, eligible.size());
        return new Selected(eligible.subList(0, taken), eligible.subList(taken, eligible.size()));
    }
}
