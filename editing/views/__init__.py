""" "Mijn regio": regional editors edit their own region's entry, and nothing else.

Every view finds its region through regions.access: `editable_region` for a
page that changes something, `readable_region` for one that only shows. A
region the user may not open is a 404, for GET and POST alike.

- `region`: the region's own entry (regioplan, contact, organisations,
  activities, figures, downloads);
- `contacts`: contact persons of the region's organisations;
- `chain`: from regiobeeld to regioplan to contract (plans' models).
"""
