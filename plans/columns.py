"""The columns of the contract table, each written once.

The open data (exports.PublicContractResource: /data/contractafspraken.csv)
and the curators' import and export (resources.ContractResource) take their
columns from here. The two files grew apart before this list existed: the
open data names the state and the kind for visitors and puts "inhoud_openbaar"
before them; both orders stay as they are, because people's spreadsheets read
these columns by name and position. Every other column is the same field
under the same name in both.
"""

from core.spreadsheets import CURATOR, PUBLIC, Column, Columns

CONTRACT_COLUMNS = Columns(
    (
        Column("region", "regio"),
        Column("insurer", "zorgverzekeraar"),
        Column("start", "begindatum"),
        Column("end", "einddatum"),
        Column("contents_public", "inhoud_openbaar", only=PUBLIC),
        Column("state", "stand_van_zaken", only=PUBLIC),
        Column("kind", "eenjarig_of_meerjarig", only=PUBLIC),
        Column("kind", "soort", only=CURATOR),
        Column("state", "stand", only=CURATOR),
        Column("themes", "themas"),
        Column("monitoring_agreed", "monitoring_afgesproken"),
        Column("monitoring_how", "monitoring_hoe"),
        Column("contents_public", "inhoud_openbaar", only=CURATOR),
        Column("is_demo", "demo"),
    )
)
