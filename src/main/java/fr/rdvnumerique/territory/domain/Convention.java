package fr.rdvnumerique.territory.domain;

import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Convention de mutualisation: one host commune employs the advisor and receives the subsidy; partner
 * communes get weekly hours and pay the costs the subsidy does not cover in proportion to those hours.
 */
@Entity
@Table(name = "convention")
public class Convention {

    /** A full-time post, in weekly hours. */
    public static final BigDecimal FULL_TIME_HOURS = new BigDecimal("35");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(nullable = false, length = 160)
    private String title;

    @Column(name = "host_commune_id", nullable = false)
    private long hostCommuneId;

    @Column(name = "signed_on", nullable = false)
    private LocalDate signedOn;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @Column(nullable = false)
    private int posts;

    @Column(name = "subsidy_amount", nullable = false, precision = 12, scale = 2)
    private BigDecimal subsidyAmount;

    @Column(name = "other_annual_costs", nullable = false, precision = 12, scale = 2)
    private BigDecimal otherAnnualCosts;

    // Each row repeats the structure: the database's composite keys then refuse a commune of another structure.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "convention_share", joinColumns = @JoinColumn(name = "convention_id"))
    @OrderColumn(name = "position")
    private List<ShareLine> shares = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "convention_instalment", joinColumns = @JoinColumn(name = "convention_id"))
    @OrderColumn(name = "position")
    private List<SubsidyInstalment> instalments = new ArrayList<>();

    @Column(nullable = false)
    private boolean active = true;

    protected Convention() {
    }

    public Convention(long structureId, Terms terms) {
        this.structureId = structureId;
        update(terms);
    }

    /** Everything a convention says, checked as a whole. */
    public record Terms(String title, long hostCommuneId, LocalDate signedOn, LocalDate validFrom, LocalDate validUntil,
                        int posts, BigDecimal subsidyAmount, BigDecimal otherAnnualCosts, List<CommuneShare> shares,
                        List<SubsidyInstalment> instalments) {
    }

    public void update(Terms terms) {
        if (terms.signedOn() == null || terms.validFrom() == null || terms.validUntil() == null) {
            throw new InvalidValueException("validation.required");
        }
        if (!terms.validUntil().isAfter(terms.validFrom())) {
            throw new InvalidValueException("territory.convention.period.invalid");
        }
        if (terms.posts() < 1) {
            throw new InvalidValueException("territory.convention.posts.invalid");
        }
        checkAmount(terms.subsidyAmount());
        checkAmount(terms.otherAnnualCosts());
        checkShares(terms.shares(), terms.hostCommuneId(), terms.posts());
        checkInstalments(terms.instalments());
        this.title = Texts.required(terms.title(), 160);
        this.hostCommuneId = terms.hostCommuneId();
        this.signedOn = terms.signedOn();
        this.validFrom = terms.validFrom();
        this.validUntil = terms.validUntil();
        this.posts = terms.posts();
        this.subsidyAmount = terms.subsidyAmount().setScale(2, RoundingMode.HALF_UP);
        this.otherAnnualCosts = terms.otherAnnualCosts().setScale(2, RoundingMode.HALF_UP);
        this.shares = new ArrayList<>(terms.shares().stream()
                .map(share -> new ShareLine(share.communeId(), share.weeklyHours(), structureId)).toList());
        this.instalments = new ArrayList<>(terms.instalments());
        this.instalments.sort(Comparator.comparingInt(SubsidyInstalment::monthsAfterSignature));
    }

    private static void checkAmount(BigDecimal amount) {
        if (amount == null || amount.signum() < 0) {
            throw new InvalidValueException("territory.convention.amount.invalid");
        }
    }

    private static void checkShares(List<CommuneShare> shares, long hostCommuneId, int posts) {
        if (shares == null || shares.isEmpty()) {
            throw new InvalidValueException("territory.convention.shares.required");
        }
        var seen = new HashSet<Long>();
        BigDecimal total = BigDecimal.ZERO;
        for (CommuneShare share : shares) {
            if (!seen.add(share.communeId())) {
                throw new InvalidValueException("territory.convention.shares.duplicate");
            }
            if (share.weeklyHours() == null || share.weeklyHours().signum() <= 0) {
                throw new InvalidValueException("territory.convention.shares.hours-positive");
            }
            total = total.add(share.weeklyHours());
        }
        if (!seen.contains(hostCommuneId)) {
            throw new InvalidValueException("territory.convention.host-not-partner");
        }
        if (total.compareTo(FULL_TIME_HOURS.multiply(BigDecimal.valueOf(posts))) > 0) {
            throw new InvalidValueException("territory.convention.shares.too-many-hours", total, posts);
        }
    }

    private static void checkInstalments(List<SubsidyInstalment> instalments) {
        if (instalments == null || instalments.isEmpty()) {
            return;
        }
        int total = 0;
        var months = new HashSet<Integer>();
        for (SubsidyInstalment instalment : instalments) {
            if (instalment.percent() <= 0 || instalment.monthsAfterSignature() < 0 || !months.add(instalment.monthsAfterSignature())) {
                throw new InvalidValueException("territory.convention.instalments.invalid");
            }
            total += instalment.percent();
        }
        if (total != 100) {
            throw new InvalidValueException("territory.convention.instalments.not-100", total);
        }
    }

    public BigDecimal totalWeeklyHours() {
        return shares.stream().map(ShareLine::weeklyHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Splits a cost between the communes in proportion to their weekly hours, in cents, so that the parts add
     * up exactly to the cost (the cents left by rounding go to the largest remainders).
     */
    public Map<Long, BigDecimal> splitCost(BigDecimal cost) {
        long totalCents = cost.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
        BigDecimal hours = totalWeeklyHours();
        var result = new LinkedHashMap<Long, BigDecimal>();
        var remainders = new ArrayList<Map.Entry<Long, BigDecimal>>();
        long given = 0;
        for (ShareLine share : shares) {
            BigDecimal exact = BigDecimal.valueOf(totalCents).multiply(share.weeklyHours()).divide(hours, 10, RoundingMode.HALF_UP);
            long floor = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
            result.put(share.communeId(), BigDecimal.valueOf(floor));
            remainders.add(Map.entry(share.communeId(), exact.subtract(BigDecimal.valueOf(floor))));
            given += floor;
        }
        remainders.sort(Map.Entry.<Long, BigDecimal>comparingByValue().reversed());
        for (int i = 0; i < totalCents - given; i++) {
            Long commune = remainders.get(i % remainders.size()).getKey();
            result.merge(commune, BigDecimal.ONE, BigDecimal::add);
        }
        result.replaceAll((commune, cents) -> cents.movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY));
        return result;
    }

    /** When each part of the subsidy is due and how much; the last part absorbs the rounding. */
    public List<InstalmentDue> instalmentSchedule() {
        var schedule = new ArrayList<InstalmentDue>();
        BigDecimal paid = BigDecimal.ZERO;
        for (int i = 0; i < instalments.size(); i++) {
            SubsidyInstalment instalment = instalments.get(i);
            BigDecimal amount = i == instalments.size() - 1
                    ? subsidyAmount.subtract(paid)
                    : subsidyAmount.multiply(BigDecimal.valueOf(instalment.percent())).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            paid = paid.add(amount);
            schedule.add(new InstalmentDue(signedOn.plusMonths(instalment.monthsAfterSignature()), instalment.percent(), amount));
        }
        return schedule;
    }

    /** A part of the subsidy and its due date. */
    public record InstalmentDue(LocalDate dueOn, int percent, BigDecimal amount) {
    }

    public boolean isInForceOn(LocalDate day) {
        return active && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    public Terms terms() {
        return new Terms(title, hostCommuneId, signedOn, validFrom, validUntil, posts, subsidyAmount, otherAnnualCosts,
                shares.stream().map(ShareLine::share).toList(), List.copyOf(instalments));
    }

    /** Switched off: kept for the reports of past years, never "in force". */
    public void setActive(boolean active) {
        this.active = active;
    }

    public boolean isActive() {
        return active;
    }

    /** Hours of one commune, with the structure the convention and the commune belong to. */
    @Embeddable
    record ShareLine(@Column(name = "commune_id", nullable = false) long communeId,
                     @Column(name = "weekly_hours", nullable = false, precision = 5, scale = 2) BigDecimal weeklyHours,
                     @Column(name = "structure_id", nullable = false) long structureId) {

        CommuneShare share() {
            return new CommuneShare(communeId, weeklyHours);
        }
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public long getStructureId() {
        return structureId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Convention c && id != null && id.equals(c.id);
    }

    @Override
    public int hashCode() {
        return Convention.class.hashCode();
    }
}
