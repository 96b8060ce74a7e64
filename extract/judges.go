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
	ts, x := d.triggers(), d.index()
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
		court := ""
		for _, c := range courts {
			if strings.HasPrefix(c.Name, org.Name+" ") {
				court = c.ID
				break
			}
		}
		if court == "" && org.Kind != "government" && org.Kind != "" && !x.isPlace(kg.Key(org.Name)) && !placeHead(x, org.Name) {
			continue
		}
		r.Organization = court
		r.ID = kg.ID("rol", r.Person, r.Title, r.Organization, r.Status)
	}
}

// placeHead reports whether a name ends in the head word of a place's
// government (kind=government in org_heads.txt: "Buena Vista County").
func placeHead(x *lexIndex, name string) bool {
	ws := strings.Fields(name)
	return len(ws) > 1 && x.heads[ws[len(ws)-1]].Kind == "government"
}
