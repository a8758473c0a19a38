package fr.rdvnumerique.territory.domain;

import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;
import java.util.regex.Pattern;

/** A commune of a structure's service area, identified by its INSEE code. */
@Entity
@Table(name = "commune")
public class Commune {

    // Corsica has 2A/2B; overseas communes start with 97.
    private static final Pattern INSEE = Pattern.compile("(\\d{2}|2[AB])\\d{3}");
    private static final Pattern POSTAL = Pattern.compile("\\d{5}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "insee_code", nullable = false, length = 5)
    private String inseeCode;

    @Column(name = "postal_code", nullable = false, length = 5)
    private String postalCode;

    @Column(nullable = false)
    private boolean active = true;

    protected Commune() {
    }

    public Commune(long structureId, String name, String inseeCode, String postalCode) {
        this.structureId = structureId;
        update(name, inseeCode, postalCode);
    }

    public void update(String newName, String newInseeCode, String newPostalCode) {
        this.name = Texts.required(newName, 100);
        this.inseeCode = checkInseeCode(newInseeCode);
        this.postalCode = checkPostalCode(newPostalCode);
    }

    /** "54328", "2A004", "97411"; returns the code in upper case. */
    public static String checkInseeCode(String value) {
        String insee = Texts.required(value, 5).toUpperCase(Locale.ROOT);
        if (!INSEE.matcher(insee).matches()) {
            throw new InvalidValueException("territory.commune.insee.invalid");
        }
        return insee;
    }

    /** Five digits. */
    public static String checkPostalCode(String value) {
        String postal = Texts.required(value, 5);
        if (!POSTAL.matcher(postal).matches()) {
            throw new InvalidValueException("territory.commune.postal.invalid");
        }
        return postal;
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

    public long getStructureId() {
        return structureId;
    }

    public String getName() {
        return name;
    }

    public String getInseeCode() {
        return inseeCode;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public boolean isActive() {
        return active;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Commune c && id != null && id.equals(c.id);
    }

    @Override
    public int hashCode() {
        return Commune.class.hashCode();
    }
}
