package fr.rdvnumerique.territory.domain;

import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.i18n.Article;
import fr.rdvnumerique.territory.StructureKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.regex.Pattern;

/** The organisation that employs advisors and runs the service; its staff see only its data. */
@Entity
@Table(name = "structure")
public class Structure {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Article article = Article.NONE;

    @Column(nullable = false, length = 60)
    private String slug;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private StructureKind kind;

    @Column(length = 20)
    private String phone;

    @Column(length = 254)
    private String email;

    @Column(nullable = false)
    private boolean active = true;

    protected Structure() {
    }

    public Structure(String name, String slug, StructureKind kind, PhoneNumber phone, EmailAddress email) {
        update(name, slug, kind, phone, email);
        this.article = Article.guess(this.name);
    }

    public void update(String newName, String newSlug, StructureKind newKind, PhoneNumber newPhone, EmailAddress newEmail) {
        String slugText = checkSlug(newSlug);
        if (newKind == null) {
            throw new InvalidValueException("validation.required");
        }
        updateDetails(newName, newPhone, newEmail);
        this.slug = slugText;
        this.kind = newKind;
    }

    /**
     * What residents read about the structure: its name and how to reach it. Its coordinators may change these;
     * the portal address (slug) and the kind stay with the administrators (see ADR 005).
     */
    public void updateDetails(String newName, PhoneNumber newPhone, EmailAddress newEmail) {
        this.name = Texts.required(newName, 120);
        this.phone = newPhone == null ? null : newPhone.e164();
        this.email = newEmail == null ? null : newEmail.value();
    }

    /** Lower-case letters, digits and single hyphens: "saint-usage". */
    public static String checkSlug(String value) {
        String slugText = Texts.required(value, 60);
        if (!SLUG.matcher(slugText).matches()) {
            throw new InvalidValueException("territory.structure.slug.invalid");
        }
        return slugText;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public Article getArticle() {
        return article;
    }

    /** How sentences name the structure (« Appelez le Conseiller numérique de Ludres »); null keeps a first guess. */
    public void setArticle(Article article) {
        this.article = article == null ? Article.guess(name) : article;
    }

    public String getSlug() {
        return slug;
    }

    public StructureKind getKind() {
        return kind;
    }

    public PhoneNumber getPhone() {
        return phone == null ? null : new PhoneNumber(phone);
    }

    public String getEmail() {
        return email;
    }

    public boolean isActive() {
        return active;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Structure s && id != null && id.equals(s.id);
    }

    @Override
    public int hashCode() {
        return Structure.class.hashCode();
    }
}
