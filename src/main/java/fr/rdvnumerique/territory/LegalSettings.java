package fr.rdvnumerique.territory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the legal pages take from the configuration rather than from each structure: who hosts the service and which
 * providers carry its messages. Blank: the pages say « à compléter par l'exploitant ».
 *
 * @param hostName     {@code RDV_HOST_NAME}: the hosting company or service
 * @param hostAddress  {@code RDV_HOST_ADDRESS}: its postal address
 * @param hostContact  {@code RDV_HOST_CONTACT}: its phone or web address
 * @param mailProvider {@code RDV_MAIL_PROVIDER}: who sends the e-mails (the SMTP relay's operator)
 * @param smsProvider  {@code RDV_SMS_PROVIDER}: who sends the text messages, if any
 */
@ConfigurationProperties("rdv.legal")
public record LegalSettings(String hostName, String hostAddress, String hostContact, String mailProvider,
                            String smsProvider) {
}
