package fr.rdvnumerique.atelier.domain;

import fr.rdvnumerique.atelier.SessionStatus;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/**
 * The residents' filters as one query, so that the database filters, counts and pages the programme: a city's few
 * hundred sessions never travel to the screen to be thrown away there.
 *
 * @param placeIds  sessions at one of these places (a commune's places), or any place when null
 * @param placeId   sessions at this place, or any when null
 * @param words     every word appears in the workshop's title; the database's collation (utf8mb4_unicode_ci)
 *                  ignores case and accents, as « decouvrir » must find « Découvrir »
 * @param withSeatsAt when not null, only sessions a newcomer can take a seat in at that instant
 * @param afterStart with {@code afterId}, the keyset of the last session already shown (pages follow it)
 */
public record SessionSearch(long structureId, Instant from, Instant to, Collection<Long> placeIds, Long placeId,
                            Theme theme, AtelierLevel level, List<String> words, Instant withSeatsAt,
                            Instant afterStart, Long afterId) implements Specification<AtelierSession> {

    public SessionSearch after(Instant start, long id) {
        return new SessionSearch(structureId, from, to, placeIds, placeId, theme, level, words, withSeatsAt, start, id);
    }

    @Override
    public Predicate toPredicate(Root<AtelierSession> s, jakarta.persistence.criteria.CriteriaQuery<?> query,
                                 CriteriaBuilder cb) {
        var where = new ArrayList<Predicate>();
        where.add(cb.equal(s.get("structureId"), structureId));
        where.add(cb.equal(s.get("status"), SessionStatus.SCHEDULED));
        where.add(cb.greaterThan(s.get("endsAt"), from));
        where.add(cb.lessThan(s.get("startsAt"), to));
        if (placeIds != null) {
            where.add(placeIds.isEmpty() ? cb.disjunction() : s.get("placeId").in(placeIds));
        }
        if (placeId != null) {
            where.add(cb.equal(s.get("placeId"), placeId));
        }
        if (theme != null || level != null || words != null && !words.isEmpty()) {
            Subquery<Long> workshops = query.subquery(Long.class);
            Root<Workshop> w = workshops.from(Workshop.class);
            var matching = new ArrayList<Predicate>();
            matching.add(cb.equal(w.get("structureId"), structureId));
            if (theme != null) {
                matching.add(cb.isMember(theme, w.<Collection<Theme>>get("themes")));
            }
            if (level != null) {
                matching.add(cb.equal(w.get("level"), level));
            }
            if (words != null) {
                for (String word : words) {
                    matching.add(cb.like(w.get("title"), "%" + escapeLike(word) + "%", '!'));
                }
            }
            workshops.select(w.get("id")).where(matching.toArray(Predicate[]::new));
            where.add(s.get("workshopId").in(workshops));
        }
        if (withSeatsAt != null) {
            // As AtelierSession#seatsLeft and #isRegistrationOpen: nobody waiting, a seat free, the window open.
            where.add(cb.equal(s.get("waitingCount"), 0));
            where.add(cb.lessThan(s.get("confirmedSeats"), s.<Integer>get("capacity")));
            where.add(cb.greaterThan(s.get("registrationClosesAt"), withSeatsAt));
            where.add(cb.greaterThan(s.get("startsAt"), withSeatsAt));
            Expression<Instant> opens = s.get("registrationOpensAt");
            where.add(cb.or(cb.isNull(opens), cb.lessThanOrEqualTo(opens, withSeatsAt)));
        }
        if (afterStart != null && afterId != null) {
            where.add(cb.or(cb.greaterThan(s.get("startsAt"), afterStart),
                    cb.and(cb.equal(s.get("startsAt"), afterStart), cb.greaterThan(s.get("id"), afterId))));
        }
        return cb.and(where.toArray(Predicate[]::new));
    }

    /**
     * A typed « % » or « _ » is a letter, not a wildcard. The escape character is « ! », not a backslash, which
     * MariaDB would read as an escape inside the SQL literal itself.
     */
    static String escapeLike(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
