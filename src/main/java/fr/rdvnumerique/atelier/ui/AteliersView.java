package fr.rdvnumerique.atelier.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.atelier.AtelierCatalogue;
import fr.rdvnumerique.atelier.SessionCard;
import fr.rdvnumerique.atelier.SessionFilter;
import fr.rdvnumerique.atelier.SessionPage;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.text.Normalizer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.web.util.HtmlUtils;

/**
 * The residents' calendar of a territory's ateliers: a list (the default, made for phones), a week and a
 * month, with filters. Every session shows its date written out, its place with access information, its level,
 * what to bring and the seats left, and leads to the registration form.
 */
@StyleSheet("styles/atelier.css")
@Route(value = "territoire/:slug/ateliers", layout = PublicLayout.class)
@AnonymousAllowed
public class AteliersView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    enum Mode {
        LIST("liste"), WEEK("semaine"), MONTH("mois");

        final String parameter;

        Mode(String parameter) {
            this.parameter = parameter;
        }

        static Mode of(String parameter) {
            for (Mode mode : values()) {
                if (mode.parameter.equals(parameter)) {
                    return mode;
                }
            }
            return LIST;
        }
    }

    private final AtelierCatalogue catalogue;
    private final TerritoryDirectory directory;
    private final Clock clock;

    /** Null until the visitor asks for more filters than the search and the seats. */
    private DetailedFilters detailed;
    private final Checkbox withSeats = new Checkbox();
    private final TextField search = new TextField();
    private final Map<Mode, Button> modeButtons = new LinkedHashMap<>();
    private final Div period = new Div();
    private final Paragraph count = new Paragraph();
    private final Div results = new Div();

    /**
     * Cards per page of the list: a phone's few screens. Each card is held twice in the visitor's session, as the
     * element's HTML and in the last response Vaadin keeps to resend it (about 5 KB a card): ten keep the list
     * under 150 KB per visitor (issue 14, bench/run portal-sessions).
     */
    static final int PAGE_SIZE = 10;

    private final Button more = new Button();
    /** Where the list's next page starts, and the last day shown with its cards (a day may go on there). */
    private SessionPage.Cursor next;
    private LocalDate lastDay;
    private Div lastDayCards;

    private StructureSummary structure;
    private Mode mode = Mode.LIST;
    private LocalDate anchor;
    private String path = "";

    AteliersView(AtelierCatalogue catalogue, TerritoryDirectory directory, Clock clock) {
        this.catalogue = catalogue;
        this.directory = directory;
        this.clock = clock;
        addClassNames("public-page", "atelier-calendar");
        more.setId("atelier-more");
        more.addClassName("atelier-more");
        more.addClickListener(e -> showMore());
        withSeats.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        structure = directory.structureBySlug(slug).orElseThrow(NotFoundException::new);
        path = event.getLocation().getPath();
        var parameters = event.getLocation().getQueryParameters();
        mode = Mode.of(parameters.getSingleParameter("vue").orElse(""));
        anchor = dateParameter(parameters.getSingleParameter("date").orElse(null));
        build();
        refresh();
    }

    private void build() {
        removeAll();
        var lead = new Paragraph(getTranslation("atelier.calendar.lead"));
        lead.addClassName("lead");
        add(new H1(getTranslation("atelier.calendar.title")), lead, filters(), toolbar());
        count.addClassName("atelier-count");
        count.setId("atelier-count");
        count.getElement().setAttribute("aria-live", "polite");
        results.addClassName("atelier-results");
        results.setId("atelier-results");
        more.setText(getTranslation("atelier.calendar.more"));
        add(count, results);
    }

    private Section filters() {
        withSeats.setLabel(getTranslation("atelier.calendar.with-seats"));
        withSeats.setId("atelier-with-seats");
        search.setLabel(getTranslation("atelier.calendar.search"));
        search.setHelperText(getTranslation("atelier.calendar.search.help"));
        search.setId("atelier-search");
        search.setClearButtonVisible(true);
        search.setMaxLength(100);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        var fields = new Div(search, withSeats);
        fields.addClassName("atelier-filter-fields");
        if (detailed != null) {
            fields.add(detailed.fields());
        } else {
            var open = new Button(getTranslation("atelier.calendar.more-filters"));
            open.setId("atelier-more-filters");
            open.addClassName("atelier-more-filters");
            open.addClickListener(e -> {
                detailed = new DetailedFilters(structure.id());
                fields.remove(open);
                fields.add(detailed.fields());
                detailed.commune.focus();
            });
            fields.add(open);
        }
        var section = new Section(new H2(getTranslation("atelier.calendar.filters")), fields);
        section.addClassName("atelier-filters");
        return section;
    }

    /**
     * Commune, place, theme and level, made when the visitor asks for them: a Select holds a component per item
     * and a combo box its data machinery, in every visitor's session, and most visitors look at the list without
     * them (issue 14: memory per visitor). Communes and places are fetched when the box opens, so a département's
     * fifty communes and sixty places cost nothing until then.
     */
    private final class DetailedFilters {

        final ComboBox<CommuneSummary> commune = new ComboBox<>();
        final ComboBox<PlaceSummary> place = new ComboBox<>();
        final Select<Theme> theme = new Select<>();
        final Select<AtelierLevel> level = new Select<>();

        DetailedFilters(long structureId) {
            byName(commune, "atelier.calendar.commune", "atelier.calendar.any-commune",
                    () -> directory.communes(structureId), CommuneSummary::name);
            byName(place, "atelier.calendar.place", "atelier.calendar.any", () -> directory.places(structureId),
                    PlaceSummary::name);
            theme.setLabel(getTranslation("atelier.calendar.theme"));
            theme.setItems(Theme.values());
            theme.setItemLabelGenerator(t -> t == null ? getTranslation("atelier.calendar.any") : getTranslation(t.labelKey()));
            theme.setEmptySelectionAllowed(true);
            theme.setEmptySelectionCaption(getTranslation("atelier.calendar.any"));
            level.setLabel(getTranslation("atelier.calendar.level"));
            level.setItems(AtelierLevel.values());
            level.setItemLabelGenerator(l -> l == null ? getTranslation("atelier.calendar.any") : getTranslation(l.labelKey()));
            level.setEmptySelectionAllowed(true);
            level.setEmptySelectionCaption(getTranslation("atelier.calendar.any"));
            commune.addValueChangeListener(e -> refresh());
            place.addValueChangeListener(e -> refresh());
            theme.addValueChangeListener(e -> refresh());
            level.addValueChangeListener(e -> refresh());
        }

        Component[] fields() {
            return new Component[] {commune, place, theme, level};
        }

        SessionFilter filter(String text, boolean onlyWithSeats) {
            return new SessionFilter(commune.getValue() == null ? null : commune.getValue().id(),
                    place.getValue() == null ? null : place.getValue().id(), theme.getValue(), level.getValue(),
                    onlyWithSeats, text, null, null, null);
        }
    }

    /** The items whose name contains what the visitor typed, case and accents aside, one page of them. */
    /** A combo box over {@code items}, fetched when opened and filtered by what is typed (see {@link #matching}). */
    private <T> void byName(ComboBox<T> combo, String labelKey, String anyKey, Supplier<List<T>> items,
                            Function<T, String> name) {
        combo.setLabel(getTranslation(labelKey));
        combo.setItems(query -> matching(items.get(), name, query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()));
        combo.setItemLabelGenerator(name::apply);
        combo.setPlaceholder(getTranslation(anyKey));
        combo.setClearButtonVisible(true);
    }

    static <T> Stream<T> matching(List<T> items, Function<T, String> name, String typed, int offset, int limit) {
        String wanted = folded(typed == null ? "" : typed.strip());
        return items.stream().filter(item -> folded(name.apply(item)).contains(wanted)).skip(offset).limit(limit);
    }

    private static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.FRENCH);
    }

    private Div toolbar() {
        var modes = new Div();
        modes.addClassName("atelier-modes");
        modes.getElement().setAttribute("role", "group");
        modes.getElement().setAttribute("aria-label", getTranslation("atelier.calendar.view"));
        for (Mode m : Mode.values()) {
            var button = new Button(getTranslation("atelier.calendar.view." + m.name().toLowerCase(Locale.ROOT)), e -> {
                mode = m;
                refresh();
            });
            button.setId("atelier-view-" + m.parameter);
            modeButtons.put(m, button);
            modes.add(button);
        }
        period.addClassName("atelier-period");
        var toolbar = new Div(modes, period);
        toolbar.addClassName("atelier-toolbar");
        return toolbar;
    }

    private void refresh() {
        anchor = clamp(anchor);
        modeButtons.forEach((m, button) -> {
            boolean active = m == mode;
            button.getElement().setAttribute("aria-pressed", String.valueOf(active));
            button.removeThemeVariants(ButtonVariant.PRIMARY);
            if (active) {
                button.addThemeVariants(ButtonVariant.PRIMARY);
            }
        });
        updateLocation();
        results.removeAll();
        period.removeAll();
        SessionFilter filter = filter();
        switch (mode) {
            case LIST -> showList(filter);
            case WEEK -> {
                LocalDate monday = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                LocalDate sunday = monday.plusDays(6);
                period(getTranslation("atelier.calendar.week-of", FrenchDates.dayWithoutYear(monday), FrenchDates.day(sunday)),
                        "atelier.calendar.previous-week", () -> anchor = anchor.minusWeeks(1),
                        "atelier.calendar.next-week", () -> anchor = anchor.plusWeeks(1));
                showWeek(monday, catalogue.upcoming(structure.id(), filter.between(monday, sunday)));
            }
            case MONTH -> {
                YearMonth month = YearMonth.from(anchor);
                String name = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, Locale.FRENCH) + " " + month.getYear();
                period(Character.toUpperCase(name.charAt(0)) + name.substring(1),
                        "atelier.calendar.previous-month", () -> anchor = anchor.minusMonths(1),
                        "atelier.calendar.next-month", () -> anchor = anchor.plusMonths(1));
                showMonth(month, catalogue.upcoming(structure.id(), filter.between(month.atDay(1), month.atEndOfMonth())));
            }
        }
    }

    private SessionFilter filter() {
        return detailed != null ? detailed.filter(search.getValue(), withSeats.getValue())
                : new SessionFilter(null, null, null, null, withSeats.getValue(), search.getValue(), null, null, null);
    }

    private void period(String title, String previousKey, Runnable previous, String nextKey, Runnable next) {
        var before = new Button(getTranslation(previousKey), e -> {
            previous.run();
            refresh();
        });
        before.setId("atelier-previous");
        before.addThemeVariants(ButtonVariant.TERTIARY);
        var after = new Button(getTranslation(nextKey), e -> {
            next.run();
            refresh();
        });
        after.setId("atelier-next");
        after.addThemeVariants(ButtonVariant.TERTIARY);
        var heading = new H2(title);
        heading.addClassName("atelier-period-title");
        period.add(before, heading, after);
    }

    private void showCount(long n) {
        count.setText(n == 0 ? getTranslation("atelier.calendar.count.none")
                : n == 1 ? getTranslation("atelier.calendar.count.one") : getTranslation("atelier.calendar.count.many", n));
    }

    // --- List: by day, pages of light cards ---------------------------------------------------------------

    /**
     * The count and the first page; « Voir plus de séances » appends the next. The view keeps only where the next
     * page starts and the last day's heading, never the list: a visitor's session holds what is on screen.
     */
    private void showList(SessionFilter filter) {
        long n = catalogue.count(structure.id(), filter);
        showCount(n);
        lastDay = null;
        lastDayCards = null;
        next = null;
        if (n == 0) {
            results.add(empty());
            return;
        }
        appendPage(filter);
    }

    /** Appends the next page under its days; returns the id of its first session (null when empty). */
    private Long appendPage(SessionFilter filter) {
        SessionPage page = catalogue.page(structure.id(), filter, next, PAGE_SIZE);
        next = page.next();
        for (SessionCard card : page.cards()) {
            LocalDate day = card.start().atZone(ParisTime.ZONE).toLocalDate();
            if (!day.equals(lastDay)) {
                var section = new Section(new H2(capitalized(FrenchDates.day(day))));
                section.addClassName("atelier-day");
                lastDayCards = new Div();
                lastDayCards.addClassName("atelier-cards");
                section.add(lastDayCards);
                results.add(section);
                lastDay = day;
            }
            lastDayCards.add(card(card));
        }
        results.remove(more);
        if (page.more()) {
            results.add(more);
        }
        return page.cards().isEmpty() ? null : page.cards().getFirst().id();
    }

    private void showMore() {
        if (next == null) {
            return;
        }
        Long first = appendPage(filter());
        // Keyboard and screen-reader users go on from the first new session rather than stay on the button.
        if (first != null) {
            results.getElement().executeJs("const a = this.querySelector('a[data-session=\"' + $0 + '\"]');"
                    + " if (a) a.focus();", String.valueOf(first));
        }
    }

    /**
     * A session as one element whose HTML is written here, every text escaped: a card of a dozen components
     * held ≈ 22 KB per visitor. The links carry {@code router-link}, so Vaadin's router opens the registration
     * form in the page as a {@link RouterLink} would, without a component each.
     */
    private Html card(SessionCard card) {
        String href = href(card);
        var html = new StringBuilder(1024);
        html.append("<article class=\"atelier-card\"><h3><a href=\"").append(href).append("\" router-link data-session=\"")
                .append(card.id()).append("\">").append(escape(card.title())).append("</a></h3>");
        html.append("<p class=\"atelier-when\">").append(escape(SessionTexts.when(card))).append("</p>");
        html.append("<p>").append(escape(getTranslation("atelier.card.where", card.placeName(), card.placeAddress())))
                .append("</p>");
        html.append(access(card));
        html.append("<p>").append(escape(getTranslation("atelier.card.level", getTranslation(card.level().labelKey()))))
                .append("</p>");
        if (card.whatToBring() != null) {
            html.append("<p>").append(escape(getTranslation("atelier.card.bring", card.whatToBring()))).append("</p>");
        }
        html.append(seats(card));
        if (card.registrationOpen()) {
            String label = getTranslation(card.full() ? "atelier.card.register-waiting" : "atelier.card.register");
            html.append("<a class=\"atelier-button\" href=\"").append(href).append("\" router-link aria-label=\"")
                    .append(escape(getTranslation("atelier.card.register-label", label, card.title()))).append("\">")
                    .append(escape(label)).append("</a>");
        }
        html.append("</article>");
        return new Html(html.toString());
    }

    /** Text for HTML, quotes included (it also goes into attributes). */
    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String accessClass(SessionCard card) {
        return card.stepFreeAccess() == fr.rdvnumerique.territory.StepFreeAccess.YES ? "access-yes" : "access-other";
    }

    // --- Week: seven columns (one below the other on a phone) -------------------------------------------------

    private void showWeek(LocalDate monday, List<SessionCard> cards) {
        showCount(cards.size());
        Map<LocalDate, List<SessionCard>> byDay = byDay(cards);
        var week = new Div();
        week.addClassName("atelier-week");
        for (int i = 0; i < 7; i++) {
            LocalDate day = monday.plusDays(i);
            var column = new Section(new H3(capitalized(FrenchDates.dayWithoutYear(day))));
            column.addClassName("atelier-week-day");
            if (day.equals(today())) {
                column.addClassName("today");
            }
            List<SessionCard> sessions = byDay.getOrDefault(day, List.of());
            if (sessions.isEmpty()) {
                column.addClassName("empty");
                var none = new Paragraph(getTranslation("atelier.calendar.day-empty"));
                none.addClassName("atelier-day-empty");
                column.add(none);
            }
            sessions.forEach(card -> column.add(entry(card)));
            week.add(column);
        }
        results.add(week);
    }

    // --- Month: a grid of days (a list of days with ateliers on a phone) --------------------------------------

    private void showMonth(YearMonth month, List<SessionCard> cards) {
        showCount(cards.size());
        Map<LocalDate, List<SessionCard>> byDay = byDay(cards);
        var header = new Div();
        header.addClassName("atelier-month-header");
        header.getElement().setAttribute("aria-hidden", "true");
        for (DayOfWeek d : DayOfWeek.values()) {
            header.add(new Span(d.getDisplayName(TextStyle.SHORT_STANDALONE, Locale.FRENCH)));
        }
        var days = new OrderedList();
        days.addClassName("atelier-month");
        for (int n = 1; n <= month.lengthOfMonth(); n++) {
            LocalDate day = month.atDay(n);
            var number = new H3(String.valueOf(n));
            number.getElement().setAttribute("aria-label", FrenchDates.day(day));
            var cell = new ListItem(number);
            cell.addClassName("atelier-month-day");
            if (n == 1) {
                cell.addClassName("starts-col-" + day.getDayOfWeek().getValue());
            }
            if (day.equals(today())) {
                cell.addClassName("today");
            }
            List<SessionCard> sessions = byDay.getOrDefault(day, List.of());
            if (sessions.isEmpty()) {
                cell.addClassName("empty");
            }
            sessions.forEach(card -> cell.add(entry(card)));
            days.add(cell);
        }
        results.add(header, days);
    }

    /**
     * A session in the week or month: time, title (the link to its page), place, level and seats, then access and
     * what to bring behind a native disclosure (keyboard and screen-reader friendly, no popover, opens in place on
     * a phone). Written as one element like the list's cards: a month of a city's programme would otherwise hold
     * a dozen components per session in every visitor's session.
     */
    private Html entry(SessionCard card) {
        String href = href(card);
        String summary = getTranslation(card.whatToBring() != null ? "atelier.entry.more" : "atelier.entry.more.access");
        var html = new StringBuilder(1024);
        html.append("<div class=\"atelier-entry\"><span class=\"atelier-entry-time\">")
                .append(escape(FrenchDates.time(card.start().atZone(ParisTime.ZONE).toLocalTime()))).append("</span>");
        html.append("<a class=\"atelier-entry-title\" href=\"").append(href).append("\" router-link data-session=\"")
                .append(card.id()).append("\">").append(escape(card.title())).append("</a>");
        html.append("<span class=\"atelier-entry-place\">").append(escape(card.placeName())).append("</span>");
        html.append("<span class=\"atelier-entry-level\">")
                .append(escape(getTranslation("atelier.card.level", getTranslation(card.level().labelKey()))))
                .append("</span>");
        html.append(seats(card));
        html.append("<details class=\"atelier-entry-more\"><summary aria-label=\"")
                .append(escape(getTranslation("atelier.card.register-label", summary, card.title()))).append("\">")
                .append(escape(summary)).append("</summary><div>").append(access(card));
        if (card.whatToBring() != null) {
            html.append("<p>").append(escape(getTranslation("atelier.card.bring", card.whatToBring()))).append("</p>");
        }
        html.append("</div></details></div>");
        return new Html(html.toString());
    }

    private String access(SessionCard card) {
        return "<p class=\"" + accessClass(card) + "\">"
                + escape(getTranslation("territory.portal.access." + card.stepFreeAccess())) + "</p>";
    }

    private String seats(SessionCard card) {
        return "<span class=\"atelier-seats " + SessionTexts.seatsClass(card) + "\">"
                + escape(SessionTexts.seats(this, card, clock.instant())) + "</span>";
    }

    private String href(SessionCard card) {
        return escape(RouteConfiguration.forApplicationScope().getUrl(AtelierRegistrationView.class, params(card)));
    }

    private RouteParameters params(SessionCard card) {
        return new RouteParameters(Map.of("slug", structure.slug(), "sessionId", String.valueOf(card.id())));
    }

    private Paragraph empty() {
        var empty = new Paragraph(getTranslation("atelier.calendar.empty"));
        empty.addClassName("atelier-empty");
        return empty;
    }

    private static Map<LocalDate, List<SessionCard>> byDay(List<SessionCard> cards) {
        var byDay = new LinkedHashMap<LocalDate, List<SessionCard>>();
        cards.stream().sorted(java.util.Comparator.comparing(SessionCard::start)).forEach(card -> byDay
                .computeIfAbsent(card.start().atZone(ParisTime.ZONE).toLocalDate(), d -> new ArrayList<>()).add(card));
        return byDay;
    }

    private void updateLocation() {
        var parameters = new LinkedHashMap<String, String>();
        if (mode != Mode.LIST) {
            parameters.put("vue", mode.parameter);
            parameters.put("date", anchor.toString());
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(path, QueryParameters.simple(parameters))));
    }

    /** Years before and after today that the week and month views reach; a link beyond lands on the edge. */
    static final int YEARS_AROUND = 2;

    /**
     * The {@code date} of a link, read defensively: anything that is not a date gives today, and a date far away
     * (e.g. {@code +999999999-12-31}, where a month's end overflows) is brought back within reach.
     */
    LocalDate dateParameter(String text) {
        LocalDate today = today();
        if (text == null || text.isBlank() || text.length() > 20) {
            return today;
        }
        try {
            return clamp(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return today;
        }
    }

    private LocalDate clamp(LocalDate date) {
        LocalDate today = today();
        LocalDate first = today.minusYears(YEARS_AROUND);
        LocalDate last = today.plusYears(YEARS_AROUND);
        return date.isBefore(first) ? first : date.isAfter(last) ? last : date;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ParisTime.ZONE));
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title",
                getTranslation("atelier.calendar.title") + (structure == null ? "" : " – " + structure.name()));
    }
}
