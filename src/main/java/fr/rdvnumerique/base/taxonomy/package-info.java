/**
 * The national activity taxonomy (CRA v2 of "La Coop de la médiation numérique"), shared by ateliers,
 * appointments and the activity report. Codes are stored; labels live in the {@code taxonomy} bundle under
 * {@code taxonomy.<enum>.<CODE>}. When the national lists change, add values and bump {@link Taxonomy#VERSION}.
 */
package fr.rdvnumerique.base.taxonomy;
