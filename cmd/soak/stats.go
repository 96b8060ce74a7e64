package main

import (
	"fmt"
	"io"
	"slices"
	"time"
)

// sample is one request: when it started, how long it took, whether it failed.
type sample struct {
	At      time.Time
	Latency time.Duration
	Err     bool
	Msg     string // what failed, for the report
}

// window is the time around the Neo4j restart in which errors are expected:
// from the stop to a grace period after the start returned. The zero
// window holds nothing.
type window struct{ From, To time.Time }

func (w window) holds(t time.Time) bool { return !t.Before(w.From) && t.Before(w.To) }

// report is what a soak measured.
type report struct {
	Requests      int
	ErrorsOutside int // errors outside the restart window: must be 0
	ErrorsInside  int
	P50, P99      time.Duration // of the successful requests
	RSSStart      int64         // API resident set, KiB; 0 when unknown
	RSSEnd        int64
	Outside       []string // the first errors outside the window, with their time
}

// summarize counts the samples and takes the latency percentiles of the
// successful ones (nearest rank).
func summarize(ss []sample, w window) report {
	r := report{Requests: len(ss)}
	var lat []time.Duration
	for _, s := range ss {
		switch {
		case s.Err && w.holds(s.At):
			r.ErrorsInside++
		case s.Err:
			r.ErrorsOutside++
			if len(r.Outside) < 5 {
				r.Outside = append(r.Outside, s.At.Format("15:04:05.000")+" "+s.Msg)
			}
		default:
			lat = append(lat, s.Latency)
		}
	}
	slices.Sort(lat)
	r.P50, r.P99 = percentile(lat, 50), percentile(lat, 99)
	return r
}

// percentile returns the p-th percentile of sorted by nearest rank; 0 for
// no values.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100 // ceil(p/100 * n)
	return sorted[max(rank, 1)-1]
}

func (r report) print(w io.Writer) {
	fmt.Fprintf(w, "requests:                 %d\n", r.Requests)
	fmt.Fprintf(w, "errors outside restart:   %d\n", r.ErrorsOutside)
	fmt.Fprintf(w, "errors inside restart:    %d\n", r.ErrorsInside)
	fmt.Fprintf(w, "latency p50 / p99:        %s / %s\n", r.P50.Round(100*time.Microsecond), r.P99.Round(100*time.Microsecond))
	fmt.Fprintf(w, "API RSS start / end:      %d MiB / %d MiB\n", r.RSSStart/1024, r.RSSEnd/1024)
	for _, o := range r.Outside {
		fmt.Fprintln(w, "error outside the window:", o)
	}
}
