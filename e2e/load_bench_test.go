package e2e

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factgraph/factgraph/corpusgen/gentest"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

// BenchmarkLoad runs the loader binary, as a user would, over the first n
// generated documents (FACTGRAPH_BENCH_DOCS, each size into an emptied
// graph) and reports its wall time, docs/s and peak resident memory (the
// child's getrusage maximum). When FACTGRAPH_NEO4J_HOME names the home of
// the local instance under test (scripts/neo4j-local.sh; bench-scale.sh sets
// it), it then stops that instance (a clean stop writes every page out:
// the store files on disk lag until a checkpoint, and Community has no
// procedure to force one), reports the size of the database's store files
// and transaction logs, and starts it again with the same environment;
// each size is then loaded on a just-started server. Deleted graphs leave
// their space in the store files: for the store size of one size, start
// from a fresh instance (scripts/neo4j-local.sh reset).
// Run it with go test ./e2e -run '^$' -bench '^BenchmarkLoad$' -benchtime 1x.
func BenchmarkLoad(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "loader")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/factgraph/factgraph/loader").CombinedOutput(); err != nil {
		b.Fatalf("build the loader: %v\n%s", err, out)
	}
	s := dbtest.Kept(b)
	uri, user, pw := dbtest.Config()
	home := os.Getenv("FACTGRAPH_NEO4J_HOME")
	if home != "" {
		if _, err := os.Stat(filepath.Join(home, "data")); err != nil {
			b.Fatalf("FACTGRAPH_NEO4J_HOME=%s: %v", home, err)
		}
	}
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			path := gentest.File(b, n, 1)
			var wall time.Duration
			var rss int64
			var summary string
			for b.Loop() {
				b.StopTimer()
				// After a restart (store size) the driver's pooled
				// connections are dead: the first use may fail.
				var err error
				for try := 0; try < 5; try++ {
					ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
					err = s.Wipe(ctx)
					cancel()
					if err == nil {
						break
					}
					time.Sleep(time.Second)
				}
				if err != nil {
					b.Fatal(err)
				}
				if home != "" {
					// Every size starts on a just-started server (as the
					// previous size's stop for the store size leaves it).
					neo4jLocal(b, home, "stop")
					neo4jLocal(b, home, "start")
				}
				b.StartTimer()
				cmd := exec.Command(bin, "--progress", "none", "--connect-timeout", "60s", path)
				cmd.Env = append(os.Environ(), "NEO4J_URI="+uri, "NEO4J_USER="+user, "NEO4J_PASSWORD="+pw, "NEO4J_DATABASE=neo4j")
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				t0 := time.Now()
				err = cmd.Run()
				wall += time.Since(t0)
				if err != nil {
					b.Fatalf("loader: %v\n%s%s", err, stdout.String(), tail(stderr.String(), 2000))
				}
				summary = strings.TrimSpace(stdout.String())
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					rss = max(rss, ru.Maxrss*1024) // kilobytes on Linux
				}
			}
			docsPerSec := float64(n*b.N) / wall.Seconds()
			b.ReportMetric(docsPerSec, "docs/s")
			b.ReportMetric(float64(rss)/(1<<20), "loader-peak-MiB")
			fmt.Printf("\nloader, %d generated documents: %.1f s, %.0f docs/s, peak RSS %.0f MiB%s\n  %s\n",
				n, wall.Seconds()/float64(b.N), docsPerSec, float64(rss)/(1<<20), extractWrite(summary, n), summary)
			if home != "" {
				neo4jLocal(b, home, "stop")
				store := diskUsage(filepath.Join(home, "data", "databases", "neo4j"))
				txlogs := diskUsage(filepath.Join(home, "data", "transactions", "neo4j"))
				b.ReportMetric(float64(store)/(1<<20), "store-MiB")
				b.ReportMetric(float64(txlogs)/(1<<20), "txlogs-MiB")
				fmt.Printf("  store on disk after a clean stop: %.0f MiB (data/databases/neo4j) + %.0f MiB transaction logs\n",
					float64(store)/(1<<20), float64(txlogs)/(1<<20))
				neo4jLocal(b, home, "start")
			}
		})
	}
}

// neo4jLocal runs scripts/neo4j-local.sh with a command for the instance
// whose home is home, in this process's environment (ports, heap, page
// cache).
func neo4jLocal(b *testing.B, home, command string) {
	b.Helper()
	cmd := exec.Command(filepath.Join("..", "scripts", "neo4j-local.sh"), command)
	cmd.Env = append(os.Environ(), "NEO4J_INSTANCE="+filepath.Base(home))
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("neo4j-local.sh %s: %v\n%s", command, err, out)
	}
}

var summaryTimes = regexp.MustCompile(`\(extract ([0-9.]+)s, write ([0-9.]+)s\)`)

// extractWrite gives the docs/s of the loader's extraction and of its
// writing, which overlap, from its summary.
func extractWrite(summary string, n int) string {
	m := summaryTimes.FindStringSubmatch(summary)
	if m == nil {
		return ""
	}
	ex, _ := strconv.ParseFloat(m[1], 64)
	wr, _ := strconv.ParseFloat(m[2], 64)
	return fmt.Sprintf(" (extraction %.0f docs/s, writing %.0f docs/s, overlapping)", float64(n)/ex, float64(n)/wr)
}

// diskUsage is the space allocated to the files under dir, as du counts it.
func diskUsage(dir string) int64 {
	var total int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			if st, ok := info.Sys().(*syscall.Stat_t); ok {
				total += st.Blocks * 512
			}
		}
		return nil
	})
	return total
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

// resetPeakRSS restarts this process's peak resident set size (Linux
// /proc/self/clear_refs) from what is resident after a collection that
// returns freed memory to the OS (a corpus loaded in-process leaves
// hundreds of MiB of freed heap); it reports whether it could.
func resetPeakRSS() bool {
	debug.FreeOSMemory()
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// peakRSS is this process's peak resident set size since it started or
// since resetPeakRSS (VmHWM), 0 where /proc is missing.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}
