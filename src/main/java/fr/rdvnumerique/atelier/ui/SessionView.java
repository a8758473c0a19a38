package fr.rdvnumerique.atelier.ui;

import fr.rdvnumerique.base.i18n.SentenceName;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import fr.rdvnumerique.atelier.Attendance;
import fr.rdvnumerique.atelier.CollectiveRecordService;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.atelier.RosterEntry;
import fr.rdvnumerique.atelier.RosterService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.atelier.SessionRoster;
import fr.rdvnumerique.atelier.SessionService;
import fr.rdvnumerique.atelier.SessionStatus;
import fr.rdvnumerique.atelier.SessionSummary;
import fr.rdvnumerique.atelier.WorkshopService;
import fr.rdvnumerique.atelier.domain.Workshop;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.Downloads;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.NoticeChoiceField;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.territory.TerritoryDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;

/**
 * Running one session: who is confirmed and who waits, registering someone who called or walked in,
 * cancelling or promoting by hand, attendance, capacity, cancelling the session, the CSV list and the
 * sign-in sheet.
 */
@StyleSheet("styles/atelier.css")
@Route("staff/ateliers/seance/:sessionId([0-9]{1,18})")
@RolesAllowed(Role.ADVISOR_NAME)
class SessionView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final RosterService rosters;
    private final SessionService sessions;
    private final WorkshopService workshops;
    private final TerritoryDirectory directory;
    private final CurrentStaff staff;
    private final CollectiveRecordService records;
    private final Clock clock;
    private long sessionId;
    private SessionRoster roster;
    private String title = "";

    SessionView(RosterService rosters, SessionService sessions, WorkshopService workshops, TerritoryDirectory directory,
                CurrentStaff staff, CollectiveRecordService records, Clock clock) {
        this.rosters = rosters;
        this.records = records;
        this.clock = clock;
        this.sessions = sessions;
        this.workshops = workshops;
        this.directory = directory;
        this.staff = staff;
        addClassNames("staff-page", "atelier-roster");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters().getLong("sessionId").orElseThrow(NotFoundException::new);
        try {
            show();
        } catch (BusinessRuleException | AccessDeniedException e) {
            throw new NotFoundException();
        }
    }

    private void show() {
        roster = rosters.roster(sessionId);
        SessionSummary s = roster.session();
        title = s.title();
        removeAll();
        var back = new RouterLink(getTranslation("atelier.roster.back"), SessionsView.class);
        back.addClassName("atelier-back");
        add(back, new H1(s.title()));
        var when = new Paragraph(FrenchDates.dayAndTimeRange(s.start(), s.end()));
        when.addClassName("atelier-when");
        add(when, new Paragraph(s.placeName() + " – " + roster.placeAddress()),
                new Paragraph(getTranslation("atelier.roster.advisor", s.advisorName())));
        boolean cancelled = s.status() == SessionStatus.CANCELLED;
        if (cancelled) {
            var banner = new Paragraph(getTranslation("atelier.roster.cancelled-banner"));
            banner.addClassName("form-error");
            add(banner);
        }
        var counts = new Paragraph(getTranslation("atelier.roster.counts", s.confirmedSeats(), s.capacity(),
                roster.waiting().size()));
        counts.setId("roster-counts");
        counts.addClassName("atelier-roster-counts");
        add(counts, actions(cancelled));

        if (!cancelled && !clock.instant().isBefore(s.start())) {
            add(recordSection());
        }
        add(section("atelier.roster.confirmed", confirmedGrid(cancelled)));
        add(section("atelier.roster.waiting", waitingGrid(cancelled)));
        if (!roster.cancelled().isEmpty()) {
            var details = new Details(getTranslation("atelier.roster.cancelled") + " (" + roster.cancelled().size() + ")",
                    cancelledGrid());
            details.addClassName("atelier-roster-cancelled");
            add(details);
        }
    }

    private Div actions(boolean cancelled) {
        var bar = new Div();
        bar.addClassName("atelier-roster-actions");
        if (!cancelled) {
            var register = new Button(getTranslation("atelier.roster.register"), VaadinIcon.PLUS.create(), e -> register());
            register.setId("roster-register");
            register.addThemeVariants(ButtonVariant.PRIMARY);
            var edit = new Button(getTranslation("atelier.sessions.edit"), e -> edit());
            edit.setId("roster-edit");
            var capacity = new Button(getTranslation("atelier.roster.capacity"), e -> capacity());
            capacity.setId("roster-capacity");
            var cancel = new Button(getTranslation("atelier.roster.cancel-session"), e -> cancelSession());
            cancel.setId("roster-cancel-session");
            cancel.addThemeVariants(ButtonVariant.ERROR);
            bar.add(register, edit, capacity, cancel);
        }
        String base = fileName();
        var csv = new Anchor(Downloads.of(() -> rosters.exportCsv(sessionId), base + ".csv", "text/csv;charset=UTF-8"),
                getTranslation("atelier.roster.export"));
        csv.setId("roster-export");
        csv.addClassName("atelier-download");
        var pdf = new Anchor(Downloads.of(() -> rosters.signInSheet(sessionId), "emargement-" + base + ".pdf", "application/pdf"),
                getTranslation("atelier.roster.sheet"));
        pdf.setId("roster-sheet");
        pdf.addClassName("atelier-download");
        bar.add(csv, pdf);
        return bar;
    }

    /** After the session has started: its collective record, as the national tool asks for it. */
    private Section recordSection() {
        boolean recorded = records.draft(sessionId).recorded();
        var status = new Paragraph(getTranslation(recorded ? "atelier.record.status.done" : "atelier.record.status.todo"));
        status.setId("roster-record-status");
        var open = new Button(getTranslation(recorded ? "atelier.record.edit" : "atelier.record.fill"),
                VaadinIcon.CLIPBOARD_TEXT.create(), e -> new CollectiveRecordDialog(this, records, sessionId,
                directory.allPlaces(staff.structureId()), this::show).open());
        open.setId("roster-record");
        if (!recorded) {
            open.addThemeVariants(ButtonVariant.PRIMARY);
        }
        var section = new Section(new H2(getTranslation("atelier.record.section")), status, open);
        section.addClassNames("atelier-roster-section", "atelier-record");
        return section;
    }

    private Section section(String titleKey, Grid<RosterEntry> grid) {
        var section = new Section(new H2(getTranslation(titleKey)), grid);
        section.addClassName("atelier-roster-section");
        return section;
    }

    private Grid<RosterEntry> baseGrid(String id, List<RosterEntry> items) {
        var grid = new Grid<RosterEntry>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("atelier.roster.none"));
        grid.setItems(items);
        return grid;
    }

    private Grid<RosterEntry> confirmedGrid(boolean cancelled) {
        var grid = baseGrid("roster-confirmed", roster.confirmed());
        grid.addColumn(RosterEntry::sortName).setHeader(getTranslation("atelier.roster.name")).setFlexGrow(1);
        grid.addColumn(e -> e.companionName() == null ? "" : e.companionName())
                .setHeader(getTranslation("atelier.roster.companion")).setAutoWidth(true);
        grid.addColumn(SessionView::contact).setHeader(getTranslation("atelier.roster.contact")).setFlexGrow(1);
        grid.addColumn(e -> getTranslation(e.channel().labelKey())).setHeader(getTranslation("atelier.roster.channel"))
                .setAutoWidth(true);
        grid.addColumn(e -> time(e.confirmedAt())).setHeader(getTranslation("atelier.roster.registered-at")).setAutoWidth(true);
        grid.addColumn(e -> e.presenceConfirmedAt() == null ? "" : getTranslation("atelier.roster.coming.at",
                time(e.presenceConfirmedAt()))).setHeader(getTranslation("atelier.roster.coming")).setAutoWidth(true);
        grid.addComponentColumn(e -> attendance(e, cancelled)).setHeader(getTranslation("atelier.roster.attendance"))
                .setAutoWidth(true);
        if (!cancelled) {
            grid.addComponentColumn(e -> {
                var cancel = new Button(getTranslation("atelier.roster.cancel"), click -> act(() -> rosters.cancel(e.registrationId()),
                        "atelier.roster.cancel.done",
                        SentenceName.bare(e.firstName() + " " + e.lastName()).after("de")));
                cancel.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
                cancel.getElement().setAttribute("aria-label", getTranslation("atelier.roster.cancel") + " : " + e.sortName());
                return cancel;
            }).setHeader(getTranslation("atelier.roster.actions")).setAutoWidth(true);
        }
        return grid;
    }

    private Select<Attendance> attendance(RosterEntry entry, boolean cancelled) {
        var select = new Select<Attendance>();
        select.setItems(Attendance.values());
        select.setItemLabelGenerator(a -> a == null ? "—" : getTranslation(a.labelKey()));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption("—");
        select.setValue(entry.attendance());
        select.setAriaLabel(getTranslation("atelier.roster.attendance") + " : " + entry.sortName());
        select.setEnabled(!cancelled);
        select.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                rosters.markAttendance(entry.registrationId(), e.getValue());
                UiMessages.success(this, "atelier.roster.attendance.saved");
            } catch (BusinessRuleException | AccessDeniedException ex) {
                UiMessages.error(this, ex);
                select.setValue(e.getOldValue());
            }
        });
        return select;
    }

    private Grid<RosterEntry> waitingGrid(boolean cancelled) {
        var grid = baseGrid("roster-waiting", roster.waiting());
        grid.addColumn(RosterEntry::position).setHeader(getTranslation("atelier.roster.position")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RosterEntry::sortName).setHeader(getTranslation("atelier.roster.name")).setFlexGrow(1);
        grid.addColumn(RosterEntry::seats).setHeader(getTranslation("atelier.session.seats")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SessionView::contact).setHeader(getTranslation("atelier.roster.contact")).setFlexGrow(1);
        grid.addColumn(e -> getTranslation(e.channel().labelKey())).setHeader(getTranslation("atelier.roster.channel"))
                .setAutoWidth(true);
        grid.addColumn(e -> time(e.createdAt())).setHeader(getTranslation("atelier.roster.since")).setAutoWidth(true);
        grid.addColumn(e -> e.offerExpiresAt() == null ? "" : getTranslation("atelier.roster.offer.until",
                FrenchDates.dayAndTime(e.offerExpiresAt()))).setHeader(getTranslation("atelier.roster.offer"))
                .setAutoWidth(true);
        if (!cancelled) {
            grid.addComponentColumn(e -> {
                boolean offer = e.offerExpiresAt() != null;
                String label = getTranslation(offer ? "atelier.roster.offer.confirm" : "atelier.roster.promote");
                var promote = new Button(label, click -> act(offer ? () -> rosters.confirmOffer(e.registrationId())
                        : () -> rosters.promote(e.registrationId()), "atelier.roster.promote.done",
                        e.firstName() + " " + e.lastName()));
                promote.addThemeVariants(ButtonVariant.SMALL);
                if (offer) {
                    promote.setId("roster-confirm-offer-" + e.registrationId());
                    promote.addThemeVariants(ButtonVariant.PRIMARY);
                }
                promote.getElement().setAttribute("aria-label", label + " : " + e.sortName());
                var cancel = new Button(getTranslation("atelier.roster.cancel"), click -> act(() -> rosters.cancel(e.registrationId()),
                        "atelier.roster.cancel.done",
                        SentenceName.bare(e.firstName() + " " + e.lastName()).after("de")));
                cancel.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
                cancel.getElement().setAttribute("aria-label", getTranslation("atelier.roster.cancel") + " : " + e.sortName());
                var actions = new Div(promote, cancel);
                actions.addClassName("row-actions");
                return actions;
            }).setHeader(getTranslation("atelier.roster.actions")).setAutoWidth(true);
        }
        return grid;
    }

    private Grid<RosterEntry> cancelledGrid() {
        var grid = baseGrid("roster-cancelled", roster.cancelled());
        grid.addColumn(RosterEntry::sortName).setHeader(getTranslation("atelier.roster.name")).setFlexGrow(1);
        grid.addColumn(SessionView::contact).setHeader(getTranslation("atelier.roster.contact")).setFlexGrow(1);
        grid.addColumn(e -> time(e.cancelledAt())).setHeader(getTranslation("atelier.roster.cancelled-at")).setAutoWidth(true);
        grid.addColumn(e -> e.cancelledBy() == null ? "" : getTranslation(e.cancelledBy().labelKey()))
                .setHeader(getTranslation("atelier.roster.cancelled-by")).setAutoWidth(true);
        return grid;
    }

    private void act(Runnable action, String successKey, Object... args) {
        try {
            action.run();
            UiMessages.success(this, successKey, args);
        } catch (BusinessRuleException | AccessDeniedException e) {
            UiMessages.error(this, e);
        }
        show();
    }

    // --- Dialogs -----------------------------------------------------------------------------------------------

    private void register() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("atelier.roster.register.title"));
        dialog.setWidth("min(48rem, 100%)");
        var form = new RegistrationFormPanel(directory.communes(staff.structureId()));
        var noticeBy = new NoticeChoiceField("roster-register");
        noticeBy.addClassName("roster-notice-by");
        dialog.add(form, noticeBy);
        var save = new Button(getTranslation("action.save"), e -> {
            var request = form.read(sessionId, Origin.staff()).map(r -> r.withNoticeBy(noticeBy.getValue()));
            if (request.isEmpty()) {
                return;
            }
            String name = request.get().givenName().strip() + " " + request.get().familyName().strip();
            switch (rosters.registerOnBehalf(request.get())) {
                case PlaceResult.Confirmed<Seats, Void> c -> UiMessages.success(this, "atelier.roster.register.done", name);
                case PlaceResult.Waitlisted<Seats, Void> w -> UiMessages.success(this, "atelier.roster.register.waiting",
                        name, w.position());
                case PlaceResult.AlreadyHeld<Seats, Void> a -> {
                    form.showError(getTranslation("atelier.roster.register.already", getTranslation((a.waiting()
                            ? RegistrationStatus.WAITING : RegistrationStatus.CONFIRMED).labelKey())));
                    return;
                }
                case PlaceResult.SlotTaken<Seats, Void> taken -> {
                    form.showError(getTranslation(taken.messageKey()));
                    return;
                }
                case PlaceResult.Refused<Seats, Void> r -> {
                    form.showError(getTranslation(r.messageKey(), r.args()));
                    return;
                }
                case PlaceResult.TryLater<Seats, Void> later -> {
                    form.showError(getTranslation(later.messageKey()));
                    return;
                }
                case PlaceResult.Invalid<Seats, Void> invalid -> {
                    if (noticeBy.show(invalid.field(), invalid.messageKey(), invalid.args())) {
                        form.showError(getTranslation("form.check-fields"));
                    } else {
                        form.show(invalid);
                    }
                    return;
                }
            }
            dialog.close();
            show();
        });
        save.setId("roster-register-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var close = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(close, save);
        dialog.open();
    }

    private void edit() {
        var editors = new SessionEditors(this);
        long structureId = staff.structureId();
        editors.setChoices(workshops.active(), directory.places(structureId), directory.advisors(structureId));
        EditorDialog<fr.rdvnumerique.atelier.SessionForm> dialog = editors.sessionDialog();
        var loaded = sessions.load(sessionId);
        dialog.edit(getTranslation("atelier.sessions.edit"), loaded.value(),
                form -> sessions.update(sessionId, loaded.version(), form), () -> {
                    UiMessages.success(this, "atelier.sessions.updated");
                    show();
                });
    }

    private void capacity() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("atelier.roster.capacity"));
        var error = new Paragraph();
        error.addClassName("form-error");
        error.setId("roster-capacity-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        var field = new IntegerField(getTranslation("atelier.session.capacity"));
        field.setId("roster-capacity-value");
        field.setValue(roster.session().capacity());
        field.setStepButtonsVisible(true);
        field.setMin(1);
        field.setMax(Workshop.MAX_CAPACITY);
        field.setHelperText(getTranslation("atelier.roster.capacity.help", roster.session().confirmedSeats()));
        var moveBack = new Checkbox(getTranslation("atelier.roster.capacity.move-back"));
        moveBack.setId("roster-capacity-move-back");
        dialog.add(error, field, moveBack);
        var save = new Button(getTranslation("action.save"), e -> {
            field.setInvalid(false);
            error.setVisible(false);
            try {
                // The domain's own check, so the message next to the field is the service's.
                Workshop.checkCapacity(field.getValue());
                var result = sessions.changeCapacity(sessionId, field.getValue(), moveBack.getValue());
                dialog.close();
                UiMessages.success(this, "atelier.roster.capacity.done", result.capacity(), result.promoted(),
                        result.movedToWaitingList());
                show();
            } catch (InvalidValueException ex) {
                fieldError(field, UiMessages.describe(this, ex));
            } catch (BusinessRuleException ex) {
                if (ex.messageKey().startsWith("atelier.capacity.")) {
                    fieldError(field, UiMessages.describe(this, ex));
                } else {
                    error.setText(UiMessages.describe(this, ex));
                    error.setVisible(true);
                }
            } catch (AccessDeniedException ex) {
                error.setText(UiMessages.describe(this, ex));
                error.setVisible(true);
            }
        });
        save.setId("roster-capacity-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private static void fieldError(IntegerField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void cancelSession() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("atelier.roster.cancel-session"));
        dialog.add(new Paragraph(getTranslation("atelier.roster.cancel-session.question",
                roster.confirmed().size() + roster.waiting().size())));
        var confirm = new Button(getTranslation("atelier.roster.cancel-session.confirm"), e -> {
            dialog.close();
            try {
                int cancelled = sessions.cancelSession(sessionId);
                UiMessages.success(this, "atelier.roster.cancel-session.done", cancelled);
            } catch (BusinessRuleException | AccessDeniedException ex) {
                UiMessages.error(this, ex);
            }
            show();
        });
        confirm.setId("roster-cancel-session-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.getFooter().add(new Button(getTranslation("atelier.roster.keep"), e -> dialog.close()), confirm);
        dialog.open();
    }

    // --- Helpers -----------------------------------------------------------------------------------------------

    private static String contact(RosterEntry e) {
        if (e.email() != null && e.phone() != null) {
            return e.email() + " · " + e.phone();
        }
        return e.email() != null ? e.email() : e.phone() == null ? "" : e.phone();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : SHORT.format(instant.atZone(ParisTime.ZONE));
    }

    /** "2026-12-01-decouvrir-sa-tablette": ASCII, for file names. */
    private String fileName() {
        SessionSummary s = roster.session();
        String slug = Normalizer.normalize(s.title(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40);
        }
        return s.start().atZone(ParisTime.ZONE).toLocalDate() + "-" + (slug.isEmpty() ? "atelier" : slug);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", title + " – " + getTranslation("atelier.sessions.title"));
    }
}
