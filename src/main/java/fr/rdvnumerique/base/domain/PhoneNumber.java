package fr.rdvnumerique.base.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * A phone number checked with libphonenumber. French numbers may be typed the French way ("06 12 34 56 78");
 * stored in E.164 ("+33612345678"), shown in the national format.
 */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "FR";

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}")) {
            throw new InvalidValueException("validation.phone");
        }
    }

    /** Parses what a person typed. */
    public static PhoneNumber parse(String typed) {
        String text = Texts.required(typed, 40);
        try {
            var number = UTIL.parse(text, DEFAULT_REGION);
            if (!UTIL.isValidNumber(number)) {
                throw new InvalidValueException("validation.phone");
            }
            return new PhoneNumber(UTIL.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new InvalidValueException("validation.phone");
        }
    }

    /**
     * A number that can receive text messages: libphonenumber's metadata says mobile (in France 06 and 07; 01 to 05
     * and 09 are landlines or internet boxes). A number whose type cannot be told apart is counted as mobile only
     * when libphonenumber says "fixed line or mobile".
     */
    public boolean isMobile() {
        try {
            var type = UTIL.getNumberType(UTIL.parse(e164, DEFAULT_REGION));
            return type == PhoneNumberUtil.PhoneNumberType.MOBILE
                    || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** "06 12 34 56 78" for French numbers, "+32 470 12 34 56" for the others. */
    public String display() {
        try {
            var number = UTIL.parse(e164, DEFAULT_REGION);
            boolean french = DEFAULT_REGION.equals(UTIL.getRegionCodeForNumber(number));
            return UTIL.format(number, french ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}
