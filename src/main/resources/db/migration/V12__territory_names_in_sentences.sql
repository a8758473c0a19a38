-- How a place or a structure is named in a sentence: « la Médiathèque de Ludres », « à l’Espace… », « au Centre… ».
-- Rows already there get the same first guess as a new name typed in the staff forms (Article.guess); staff correct
-- it in the place's or the structure's form.
alter table place
    add column article varchar(12) not null default 'NONE' after name,
    add constraint ck_place_article check (article in ('NONE', 'NONE_ELIDED', 'LE', 'LA', 'L', 'LES'));

alter table structure
    add column article varchar(12) not null default 'NONE' after name,
    add constraint ck_structure_article check (article in ('NONE', 'NONE_ELIDED', 'LE', 'LA', 'L', 'LES'));

update place set article = case
    when lower(substring_index(substring_index(trim(name), ' ', 1), '’', 1)) in ('médiathèque', 'mediatheque',
        'bibliothèque', 'bibliotheque', 'ludothèque', 'ludotheque', 'mairie', 'maison', 'salle', 'commune', 'ville',
        'communauté', 'communaute', 'agence', 'cyberbase', 'résidence', 'residence', 'halle', 'permanence') then 'LA'
    when lower(substring_index(trim(name), ' ', 1)) in ('centre', 'conseiller', 'point', 'pôle', 'pole', 'tiers-lieu',
        'local', 'foyer', 'ccas', 'cias', 'service', 'club', 'fablab', 'relais', 'bureau', 'café', 'cafe', 'guichet',
        'lieu') then 'LE'
    when lower(substring_index(trim(name), ' ', 1)) in ('hôtel', 'hotel') then 'L'
    when trim(name) like '% %' and lower(left(trim(name), 1)) in ('a', 'e', 'i', 'o', 'u', 'à', 'â', 'é', 'è', 'ê',
        'î', 'ô', 'û') then 'L'
    else 'NONE' end;

update structure set article = case
    when lower(substring_index(trim(name), ' ', 1)) in ('médiathèque', 'mediatheque', 'bibliothèque', 'bibliotheque',
        'mairie', 'maison', 'commune', 'ville', 'communauté', 'communaute', 'agence', 'métropole', 'metropole',
        'région', 'region', 'fédération', 'federation', 'coopérative', 'cooperative') then 'LA'
    when lower(substring_index(trim(name), ' ', 1)) in ('centre', 'conseiller', 'point', 'pôle', 'pole', 'tiers-lieu',
        'ccas', 'cias', 'service', 'club', 'syndicat', 'département', 'departement', 'groupement', 'réseau', 'reseau',
        'pays', 'conseil') then 'LE'
    when trim(name) like '% %' and lower(left(trim(name), 1)) in ('a', 'e', 'i', 'o', 'u', 'à', 'â', 'é', 'è', 'ê',
        'î', 'ô', 'û') then 'L'
    else 'NONE' end;
