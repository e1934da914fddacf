"""The columns of the region and organisation tables, each written once.

Two files show each table: the open data (exports.py: /data/regios.csv,
/data/organisaties.csv, /organisaties/selectie.csv) and the curators' import
and export in the admin (resources.py). Both build their fields from the list
here (core.spreadsheets.columns_resource), so a column they share is the same
field under the same name; `only` marks a column one of them leaves out. The
order is the files' order and must not change: people's spreadsheets and
scripts read these columns by name and position.
"""

from core.spreadsheets import CURATOR, PUBLIC, Column, Columns

REGION_COLUMNS = Columns(
    (
        Column("slug", "sleutel"),
        Column("name", "naam"),
        Column("status", "status"),
        Column("status_label", "status_omschrijving", computed=True),
        Column("preferred_insurer", "zorgverzekeraar", only=CURATOR),  # slug
        Column("insurer", "preferente_zorgverzekeraar", computed=True, only=PUBLIC),
        # The curators' file has the organisation's slug (imported), the open
        # data its name.
        Column("regional_organisation", "regionale_organisatie", only=CURATOR),
        Column(
            "regional_organisation_name",
            "regionale_organisatie",
            computed=True,
            only=PUBLIC,
        ),
        Column("plan", "regioplan", computed=True, only=PUBLIC),  # public URL
        Column("plan_url", "regioplan_link", only=CURATOR),
        # The stored file's name: a curator's export re-imports with its document.
        Column("plan_document", "regioplan_bestand", only=CURATOR),
        Column("plan_start_year", "regioplan_vanaf"),
        Column("plan_end_year", "regioplan_tot_en_met"),
        Column("patients_involved", "patienten_betrokken"),
        Column("non_practice_holders_involved", "niet_praktijkhouders_doen_mee"),
        Column("gemeenten", "gemeenten", computed=True, only=PUBLIC),
        Column("updated_at", "laatst_bijgewerkt", computed=True, only=PUBLIC),
        Column("url", "pagina", computed=True, only=PUBLIC),
        Column("description", "toelichting", only=CURATOR),
        Column("is_demo", "demo"),
    )
)

ORGANISATION_COLUMNS = Columns(
    (
        Column("slug", "sleutel"),
        Column("name", "naam"),
        Column("type", "soort"),  # the open data writes the label
        Column("kvk_number", "kvk"),
        Column("street_address", "adres"),
        Column("postal_code", "postcode"),
        Column("city", "plaats"),
        Column("phone", "telefoon"),
        Column("email", "email"),
        Column("website", "website"),
        Column("region_links", "regios", computed=True),  # slugs, ";"
        Column("lead_links", "regionale_organisatie_van", computed=True, only=CURATOR),
        Column("persons", "contactpersonen", computed=True, only=PUBLIC),
        Column("url", "pagina", computed=True, only=PUBLIC),
        Column("is_demo", "demo"),
    )
)
