package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factgraph/factgraph/corpusgen/gentest"
	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

// TestMain lets a test run the loader as a process of its own (the test
// binary started again with FACTGRAPH_LOADER_MAIN=1), so that it can be
// killed and its exit status read.
func TestMain(m *testing.M) {
	if os.Getenv("FACTGRAPH_LOADER_MAIN") == "1" {
		os.Args = append([]string{"loader"}, strings.Fields(os.Getenv("FACTGRAPH_LOADER_ARGS"))...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// loaderProc is the loader running as a child process.
type loaderProc struct {
	cmd      *exec.Cmd
	out, err bytes.Buffer
	done     chan error
}

func startLoader(t *testing.T, uri string, args ...string) *loaderProc {
	t.Helper()
	_, user, pw := dbtest.Config()
	p := &loaderProc{cmd: exec.Command(os.Args[0], "-test.run=^$"), done: make(chan error, 1)}
	p.cmd.Env = append(os.Environ(), "FACTGRAPH_LOADER_MAIN=1", "FACTGRAPH_LOADER_ARGS="+strings.Join(args, " "),
		"NEO4J_URI="+uri, "NEO4J_USER="+user, "NEO4J_PASSWORD="+pw)
	p.cmd.Stdout, p.cmd.Stderr = &p.out, &p.err
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	t.Cleanup(func() {
		_ = p.cmd.Process.Kill()
		<-p.done
	})
	return p
}

// wait waits for the loader to exit and returns its exit code.
func (p *loaderProc) wait(t *testing.T, limit time.Duration) (int, time.Duration) {
	t.Helper()
	start := time.Now()
	select {
	case <-p.done:
		p.done <- nil // for the cleanup
		return p.cmd.ProcessState.ExitCode(), time.Since(start)
	case <-time.After(limit):
		t.Fatalf("loader still running %s later\nstdout: %s\nstderr: %s", limit, p.out.String(), p.err.String())
		return 0, 0
	}
}

// generatedCorpus writes n generated documents as a .jsonl file.
func generatedCorpus(t *testing.T, n int) string {
	t.Helper()
	return gentest.File(t, n, 7)
}

// waitForDocuments waits until some document is committed (the load is
// under way) and fails if the load ends first.
func waitForDocuments(t *testing.T, p *loaderProc) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if n := count(t, "MATCH (d:Document) RETURN count(d) AS n"); n > 0 {
			return
		}
		select {
		case <-p.done:
			t.Fatalf("loader ended before the test could interrupt it\n%s\n%s", p.out.String(), p.err.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatal("no document was committed within 2 minutes")
}

func count(t *testing.T, q string) int64 {
	t.Helper()
	rows := dbtest.Query(t, q, nil)
	return rows[0]["n"].(int64)
}

func counts(t *testing.T, s *neo4jstore.Store) string {
	t.Helper()
	n, r, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%d nodes, %d relationships", n, r)
}

// TestNeo4jGoneStopsTheLoaderAndARerunConverges cuts the loader's
// connection to Neo4j (as when the server is killed) in the middle of a
// load: the loader must stop within 10 s with a clear message, a summary
// and a non-zero exit, and a rerun must give exactly the graph of a clean
// load.
func TestNeo4jGoneStopsTheLoaderAndARerunConverges(t *testing.T) {
	s := dbtest.Store(t)
	uri, _, _ := dbtest.Config()
	corpus := generatedCorpus(t, 600)
	args := []string{"--progress=none", "--batch=5", "--workers=1", corpus}

	clean := startLoader(t, uri, args...)
	if code, _ := clean.wait(t, 3*time.Minute); code != 0 {
		t.Fatalf("clean load exit %d\n%s", code, clean.err.String())
	}
	want := counts(t, s)
	if err := s.Wipe(context.Background()); err != nil {
		t.Fatal(err)
	}

	proxy := dbtest.NewProxy(t)
	p := startLoader(t, proxy.URI(), args...)
	waitForDocuments(t, p)
	proxy.Cut()
	code, took := p.wait(t, time.Minute)
	t.Logf("loader stopped %s after Neo4j went away, exit %d:\n%s%s", took.Round(time.Millisecond), code, p.out.String(), lastLines(p.err.String(), 3))
	if took > 10*time.Second {
		t.Errorf("loader took %s to stop after Neo4j went away, want at most 10 s", took)
	}
	if code == 0 {
		t.Errorf("exit status 0 after Neo4j went away")
	}
	if !strings.Contains(p.err.String(), "Neo4j is unavailable") {
		t.Errorf("no clear message that Neo4j is unavailable:\n%s", p.err.String())
	}
	if !summary.MatchString(p.out.String()) {
		t.Errorf("no summary on stdout: %q", p.out.String())
	}
	partial := count(t, "MATCH (d:Document) RETURN count(d) AS n")
	if partial == 0 || partial == 600 {
		t.Fatalf("%d documents were committed before the cut; the test wants a partial load", partial)
	}

	rerun := startLoader(t, uri, args...)
	if code, _ := rerun.wait(t, 3*time.Minute); code != 0 {
		t.Fatalf("rerun exit %d\n%s", code, rerun.err.String())
	}
	if got := counts(t, s); got != want {
		t.Errorf("rerun after the cut gives %s, a clean load %s", got, want)
	}
}

// TestKilledLoaderLeavesNoOrphanEntities kills the loader (SIGKILL) in the
// middle of a load: every entity left must have the document that supports
// it, and every merge decision its document.
func TestKilledLoaderLeavesNoOrphanEntities(t *testing.T) {
	dbtest.Store(t)
	uri, _, _ := dbtest.Config()
	p := startLoader(t, uri, "--progress=none", "--batch=5", "--workers=1", generatedCorpus(t, 600))
	waitForDocuments(t, p)
	time.Sleep(100 * time.Millisecond)
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	p.wait(t, time.Minute)
	docs := count(t, "MATCH (d:Document) RETURN count(d) AS n")
	if docs == 0 || docs == 600 {
		t.Fatalf("%d documents committed; the test wants a partial load", docs)
	}
	if n := count(t, "MATCH (e:Entity) WHERE NOT (e)-[:MENTIONED_IN]->(:Document) RETURN count(e) AS n"); n != 0 {
		t.Errorf("%d entities without a supporting document after a kill at %d documents", n, docs)
	}
	if n := count(t, "MATCH (e:Entity) RETURN count(e) AS n"); n == 0 {
		t.Errorf("no entities at all after %d documents", docs)
	}
	if n := count(t, "MATCH (m:Merge) WHERE NOT (m)-[:SEEN_IN]->(:Document) AND m.curated IS NULL RETURN count(m) AS n"); n != 0 {
		t.Errorf("%d merge decisions without a document", n)
	}
}

// TestSIGTERMStopsPromptlyWithASummary sends SIGTERM in the middle of a
// load: the loader stops, prints its summary and exits non-zero.
func TestSIGTERMStopsPromptlyWithASummary(t *testing.T) {
	dbtest.Store(t)
	uri, _, _ := dbtest.Config()
	p := startLoader(t, uri, "--progress=none", "--batch=5", "--workers=1", generatedCorpus(t, 600))
	waitForDocuments(t, p)
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	code, took := p.wait(t, 10*time.Second)
	t.Logf("stopped %s after SIGTERM, exit %d: %s%s", took.Round(time.Millisecond), code, p.out.String(), lastLines(p.err.String(), 1))
	if code == 0 {
		t.Errorf("exit status 0 after SIGTERM")
	}
	if !summary.MatchString(p.out.String()) || !strings.Contains(p.err.String(), "interrupted") {
		t.Errorf("no summary and reason:\nstdout: %s\nstderr: %s", p.out.String(), lastLines(p.err.String(), 3))
	}
}

// summary is the loader's last line on stdout after a load that stopped
// early: the documents read so far (the input is read as the load goes),
// of which none failed.
var summary = regexp.MustCompile(`loaded [1-9][0-9]* documents \([0-9]+ written, [0-9]+ unchanged of which [0-9]+ not read again, 0 failed\)`)

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n") + "\n"
}
