package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.web.PublicAddresses;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** {@code /territoire/<slug>/…} names nothing when no active structure has that slug. */
@Component
class TerritoryAddresses implements PublicAddresses {

    private static final Pattern TERRITORY = Pattern.compile("^/territoire/([^/]+)(/.*)?$");

    private final TerritoryDirectory directory;

    TerritoryAddresses(TerritoryDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean namesNothing(String path) {
        var matcher = TERRITORY.matcher(path);
        return matcher.matches() && directory.structureBySlug(matcher.group(1)).isEmpty();
    }
}
