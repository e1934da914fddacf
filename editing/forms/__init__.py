"""The forms of "Mijn regio": the region's own entry (`region`) and the steps
from regiobeeld to contract (`chain`)."""

from .chain import ContractForm, PlanDetailsForm, PlanElementForm, RegiobeeldForm
from .region import (
    ActivityForm,
    ContactForm,
    ContactPersonForm,
    FigureFormSet,
    NewOrganisationForm,
    RegionOrganisationsForm,
    RegioplanForm,
)

__all__ = [
    "ActivityForm",
    "ContactForm",
    "ContactPersonForm",
    "ContractForm",
    "FigureFormSet",
    "NewOrganisationForm",
    "PlanDetailsForm",
    "PlanElementForm",
    "RegionOrganisationsForm",
    "RegiobeeldForm",
    "RegioplanForm",
]
