package extract

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestFindDates(t *testing.T) {
	pub := time.Date(2019, 11, 14, 0, 0, 0, 0, time.UTC) // a Thursday
	type d struct{ Date, Precision, Text string }
	tests := []struct {
		name string
		text string
		prev string // a previous date in the text, "" for none
		want []d
	}{
		{"weekday", "On Thursday, the company said", "", []d{{"2019-11-14", "day", "Thursday"}}},
		{"weekday before", "filings released Monday show", "", []d{{"2019-11-11", "day", "Monday"}}},
		{"last weekday", "last Thursday it filed", "", []d{{"2019-11-07", "day", "last Thursday"}}},
		{"last month", "The decision last month to award", "", []d{{"2019-10", "month", "last month"}}},
		{"this past month name", "This past June, he said", "", []d{{"2019-06", "month", "This past June"}}},
		{"in month", "Then, in July, a document", "", []d{{"2019-07", "month", "in July"}}},
		{"in month after pub is last year", "in December the board met", "", []d{{"2018-12", "month", "in December"}}},
		{"month year", "sued in November 2019 after", "", []d{{"2019-11", "month", "November 2019"}}},
		{"month day", "awarded on October 25 on", "", []d{{"2019-10-25", "day", "October 25"}}},
		{"month day year", "on March 4, 2019.", "", []d{{"2019-03-04", "day", "March 4, 2019"}}},
		{"day month year", "on 4 March 2019.", "", []d{{"2019-03-04", "day", "4 March 2019"}}},
		{"season of year", "in the summer of 2018 and", "", []d{{"2018", "season", "the summer of 2018"}}},
		{"last season", "last summer the agency", "", []d{{"2019", "season", "last summer"}}},
		{"year", "and in 2013 won a contract", "", []d{{"2013", "year", "in 2013"}}},
		{"year not amount", "paid $2019 for it", "", nil},
		{"few weeks later", "A few weeks later, he launched", "2019-07", []d{{"2019-08", "month", "A few weeks later"}}},
		{"relative without anchor", "A few weeks later, he launched", "", nil},
		{"yesterday", "said yesterday that", "", []d{{"2019-11-13", "day", "yesterday"}}},
		{"last week", "met last week with", "", []d{{"2019-11", "month", "last week"}}},
		{"earlier this year", "resigned earlier this year", "", []d{{"2019", "year", "earlier this year"}}},
		{"last year", "filed last year", "", []d{{"2018", "year", "last year"}}},
		{"iso", "dated 2020-02-10.", "", []d{{"2020-02-10", "day", "2020-02-10"}}},
		{"modal may", "it may appeal", "", nil},
		{"two dates", "sued in November 2019 after the October 25 award", "", []d{{"2019-11", "month", "November 2019"}, {"2019-10-25", "day", "October 25"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev := dateRef{Date: tt.prev}
			var got []d
			for _, r := range findDates(tt.text, 100, pub, &prev) {
				if tt.text[r.Start-100:r.End-100] != r.Text {
					t.Errorf("span %d:%d is %q, text %q", r.Start, r.End, tt.text[r.Start-100:r.End-100], r.Text)
				}
				got = append(got, d{r.Date, r.Precision, r.Text})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findDates(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFindDatesUnknownPublication(t *testing.T) {
	var prev dateRef
	got := findDates("On Thursday, in July 2019, last month", 0, time.Time{}, &prev)
	if len(got) != 1 || got[0].Date != "2019-07" {
		t.Errorf("got %+v, want only the absolute July 2019", got)
	}
}
