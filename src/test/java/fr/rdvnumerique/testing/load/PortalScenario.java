package fr.rdvnumerique.testing.load;

import fr.rdvnumerique.testing.load.VaadinVisitor.Node;
import fr.rdvnumerique.testing.load.VaadinVisitor.VisitorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What residents do on a territory's public portal, as {@link VaadinVisitor}s over HTTP (no browser, no Spring):
 * <ul>
 * <li>{@link #register}: opens the ateliers list, follows one session's link, fills the registration form (given
 * name, family name, e-mail; one request per field, as a person tabbing through it), sends it and reads the
 * answer: a seat, or a place on the waiting list;</li>
 * <li>{@link #book}: the appointment wizard from the first step: a place, a motif, no theme, a day, a time, the
 * contact, the review and « Confirmer »; when someone took the time meanwhile, the wizard offers that day's fresh
 * times and the visitor picks another.</li>
 * </ul>
 * The answers are judged on the French texts of the application's bundles, read from the class path. Anything else
 * (a refusal, an error page, a missing element) is a {@link VisitorException}.
 */
public final class PortalScenario {

    /** How a registration ended for the visitor. */
    public enum Registration {
        CONFIRMED, WAITLISTED
    }

    /** A booked appointment, and how many times the visitor found the time taken before. */
    public record Booking(String date, int slotsTaken) {
    }

    /** A resident with a contact no one else uses. */
    public record Person(String givenName, String familyName, String email) {

        /** Person number {@code n} of run {@code run} (letters only, as names must have letters). */
        public static Person of(String run, int n) {
            return new Person("Visiteur", "Charge " + letters(n), "visiteur." + run + "." + n + "@exemple.fr");
        }
    }

    private final URI base;
    private final String slug;
    private final String confirmedTitle;
    private final String waitlistedTitle;
    private final String bookedTitle;
    private boolean fieldByField = true;
    private boolean page = true;
    private java.time.Duration thinkTime = java.time.Duration.ZERO;

    /**
     * @param base the application's root URL (loopback)
     * @param slug the territory whose portal is visited
     */
    public PortalScenario(URI base, String slug) {
        this.base = base;
        this.slug = slug;
        Properties atelier = bundle("i18n/atelier.properties");
        Properties appointment = bundle("i18n/appointment.properties");
        this.confirmedTitle = atelier.getProperty("atelier.result.confirmed.title");
        this.waitlistedTitle = atelier.getProperty("atelier.result.waitlisted.title");
        this.bookedTitle = appointment.getProperty("appointment.wizard.done.title");
    }

    /** Sends the form's fields in one request (a browser's autofill) instead of one request per field. */
    public PortalScenario autofill() {
        this.fieldByField = false;
        return this;
    }

    /**
     * Visitors open routes without the page request ({@link VaadinVisitor#withoutPage()}): for the application run
     * in-process in production mode, which has no frontend bundle to serve the page from.
     */
    public PortalScenario withoutPage() {
        this.page = false;
        return this;
    }

    /** Visitors take about {@code mean} before each action ({@link VaadinVisitor#thinkTime}). */
    public PortalScenario thinkTime(java.time.Duration mean) {
        this.thinkTime = mean;
        return this;
    }

    /** A new visitor (a new tab, cookies of its own) behind address {@code forwardedFor} (may be null). */
    public VaadinVisitor visitor(HttpClient http, String forwardedFor, RequestStats stats) {
        var visitor = new VaadinVisitor(http, base, forwardedFor, stats).thinkTime(thinkTime);
        return page ? visitor : visitor.withoutPage();
    }

    /**
     * Address number {@code n} in 198.18.0.0/15, the range set aside for benchmarks (RFC 2544): one per simulated
     * visitor, as the reverse proxy would report it in {@code X-Forwarded-For}.
     */
    public static String address(int n) {
        int m = Math.floorMod(n, 1 << 17);
        return "198." + (18 + (m >> 16)) + "." + ((m >> 8) & 0xff) + "." + (m & 0xff);
    }

    // --- Atelier registration ------------------------------------------------------------------------------------

    /** The list, one session (picked at random among those listed), the form, the answer. */
    public Registration register(VaadinVisitor visitor, Person person) {
        String list = "territoire/" + slug + "/ateliers";
        visitor.open(list);
        visitor.require("atelier-count");
        List<String> sessions = new ArrayList<>();
        for (Map<String, String> link : visitor.routerLinks()) {
            if (link.containsKey("data-session")) {
                sessions.add(link.get("href"));
            }
        }
        if (sessions.isEmpty()) {
            throw new VisitorException("no session listed on " + list + ": " + visitor.text("atelier-count"));
        }
        visitor.navigate(sessions.get(ThreadLocalRandom.current().nextInt(sessions.size())));
        if (!visitor.has("atelier-submit")) {
            throw new VisitorException("no registration form on " + visitor.location() + ": "
                    + visitor.text("atelier-closed"));
        }
        fill(visitor, "atelier", person);
        visitor.click("atelier-submit");
        String title = visitor.text("atelier-result-title");
        if (confirmedTitle.equals(title)) {
            return Registration.CONFIRMED;
        }
        if (waitlistedTitle.equals(title)) {
            return Registration.WAITLISTED;
        }
        throw new VisitorException("registration on " + visitor.location() + " not confirmed: "
                + (title != null ? title : "form says « " + visitor.text("atelier-form-error") + " »"));
    }

    // --- Appointment wizard --------------------------------------------------------------------------------------

    /**
     * The wizard from its first step to « Votre rendez-vous est confirmé », choosing at random among what each step
     * offers (a place without free times sends the visitor to the other places the wizard suggests).
     */
    public Booking book(VaadinVisitor visitor, Person person) {
        visitor.open("territoire/" + slug + "/rendez-vous");
        int taken = 0;
        boolean filled = false;
        boolean confirmed = false;
        for (int step = 0; step < 40; step++) {
            if (visitor.has("booking-confirmed")) {
                String title = visitor.text("booking-confirmed");
                if (!bookedTitle.equals(title)) {
                    throw new VisitorException("booking confirmation says « " + title + " »");
                }
                return new Booking(visitor.text("confirmation-date"), taken);
            }
            boolean alert = visitor.byId("wizard-alert").map(VaadinVisitor::visible).orElse(false);
            if (visitor.has("confirm-booking")) {
                if (confirmed && alert) {
                    throw new VisitorException("booking refused: « " + visitor.text("wizard-alert") + " »");
                }
                confirmed = true;
                visitor.click("confirm-booking");
            } else if (visitor.has("contact-next")) {
                if (alert) {
                    throw new VisitorException("contact refused: « " + visitor.text("wizard-alert") + " »");
                }
                if (!filled) {
                    fill(visitor, "contact", person);
                    filled = true; // the wizard keeps the contact when it comes back to this step
                }
                visitor.click("contact-next");
            } else if (!visitor.idsStartingWith("time-").isEmpty()) {
                if (alert) {
                    taken++; // someone was faster: that day's fresh times
                    confirmed = false;
                }
                clickAny(visitor, "time-");
            } else if (!visitor.idsStartingWith("day-").isEmpty()) {
                if (alert) {
                    taken++; // the day filled up meanwhile: the calendar again
                    confirmed = false;
                }
                clickAny(visitor, "day-");
            } else if (!visitor.idsStartingWith("elsewhere-").isEmpty()) {
                clickAny(visitor, "elsewhere-");
            } else if (visitor.has("themes-skip")) {
                visitor.click("themes-skip");
            } else if (!visitor.idsStartingWith("motif-").isEmpty()) {
                clickAny(visitor, "motif-");
            } else if (!visitor.idsStartingWith("place-").isEmpty()) {
                clickAny(visitor, "place-");
            } else {
                throw new VisitorException("wizard stuck on " + visitor.location() + " (" + visitor.summary() + "): "
                        + visitor.text("wizard-alert"));
            }
        }
        throw new VisitorException("no confirmation after 40 steps, " + taken + " times taken");
    }

    // --- Helpers -------------------------------------------------------------------------------------------------

    private void fill(VaadinVisitor visitor, String prefix, Person person) {
        var values = new LinkedHashMap<String, String>();
        values.put(prefix + "-first-name", person.givenName());
        values.put(prefix + "-last-name", person.familyName());
        values.put(prefix + "-email", person.email());
        if (fieldByField) {
            values.forEach(visitor::type);
        } else {
            visitor.fill(values);
        }
    }

    /** Clicks one of the elements whose id starts with {@code prefix}, at random. */
    private static void clickAny(VaadinVisitor visitor, String prefix) {
        List<Node> found = visitor.idsStartingWith(prefix);
        if (found.isEmpty()) {
            throw new VisitorException("no #" + prefix + "… on " + visitor.location() + " (" + visitor.summary() + ")");
        }
        visitor.click(found.get(ThreadLocalRandom.current().nextInt(found.size())).attribute("id").toString());
    }

    private static String letters(int n) {
        var text = new StringBuilder();
        int rest = n;
        do {
            text.append((char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
        return text.toString();
    }

    private static Properties bundle(String path) {
        var properties = new Properties();
        try (InputStream in = PortalScenario.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + path + " on the class path");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
