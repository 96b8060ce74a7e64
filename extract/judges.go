package extract

import (
	"strings"

	"github.com/factgraph/factgraph/kg"
)

// judgesOnCourts gives a judge's role the court it sits on: a title whose
// head word names a judge (cue=court in event_triggers.txt: "District
// Judge", "Justice") held at a place or government ("Hennepin County
// District Judge" read as a judge of Hennepin County) is at the court the
// document names after that place ("Hennepin County District Court"), else
// at no organization stated.
func judgesOnCourts(d *docState) {
	ts := d.triggers()
	byID := map[string]*entity{}
	var courts []*entity
	for _, e := range d.Entities {
		byID[e.ID] = e
		if e.Type == kg.Organization && e.Kind == "court" {
			courts = append(courts, e)
		}
	}
	for i := range d.Roles {
		r := &d.Roles[i]
		ws := strings.Fields(strings.ToLower(r.Title))
		org := byID[r.Organization]
		if len(ws) == 0 || !ts.court[ws[len(ws)-1]] || org == nil || org.Kind == "court" || org.Type != kg.Organization {
			continue
		}
		if org.Kind != "government" && org.Kind != "" && !strings.Contains(strings.ToLower(org.Name), "county") {
			continue
		}
		r.Organization = ""
		for _, c := range courts {
			if strings.HasPrefix(c.Name, org.Name+" ") {
				r.Organization = c.ID
				break
			}
		}
		r.ID = kg.ID("rol", r.Person, r.Title, r.Organization, r.Status)
	}
}
