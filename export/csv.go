package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"time"
)

// ArrayDelimiter separates the items of a list property in CSV, as
// neo4j-admin database import expects by default.
const ArrayDelimiter = ";"

// header is a CSV header cell: the key, typed unless a string.
func header(c column) string {
	if c.typ == "string" {
		return c.key
	}
	return c.key + ":" + c.typ
}

// NodesCSV returns nodes.csv in the neo4j-admin database import format:
// header id:ID, :LABEL (labels joined by ";"), caption, then one column per
// property (typed as key:int or key:string[] where not a string; list items
// joined by ";"). It loads into a spreadsheet as it is.
func NodesCSV(g Graph) ([]byte, error) {
	if err := g.Check(); err != nil {
		return nil, err
	}
	cols := columns(propLists(g.Nodes, func(n Node) []Prop { return n.Props }))
	head := []string{"id:ID", ":LABEL", "caption"}
	for _, c := range cols {
		head = append(head, header(c))
	}
	rows := [][]string{head}
	for _, n := range g.Nodes {
		row := []string{n.ID, strings.Join(n.Labels, ArrayDelimiter), caption(n)}
		rows = append(rows, append(row, cells(n.Props, cols)...))
	}
	return writeCSV(rows)
}

// EdgesCSV returns edges.csv in the neo4j-admin database import format:
// header :START_ID, :END_ID, :TYPE, then one column per property.
func EdgesCSV(g Graph) ([]byte, error) {
	if err := g.Check(); err != nil {
		return nil, err
	}
	cols := columns(propLists(g.Edges, func(e Edge) []Prop { return e.Props }))
	head := []string{":START_ID", ":END_ID", ":TYPE"}
	for _, c := range cols {
		head = append(head, header(c))
	}
	rows := [][]string{head}
	for _, e := range g.Edges {
		rows = append(rows, append([]string{e.Source, e.Target, e.Type}, cells(e.Props, cols)...))
	}
	return writeCSV(rows)
}

func cells(props []Prop, cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		if v, ok := lookup(props, c.key); ok {
			out[i] = text(v, ArrayDelimiter)
		}
	}
	return out
}

func writeCSV(rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		return nil, fmt.Errorf("write csv: %w", err)
	}
	return b.Bytes(), nil
}

// CSVZip returns a zip archive of nodes.csv and edges.csv, ready for
// `neo4j-admin database import full --nodes=nodes.csv
// --relationships=edges.csv`.
func CSVZip(g Graph) ([]byte, error) {
	nodes, err := NodesCSV(g)
	if err != nil {
		return nil, err
	}
	edges, err := EdgesCSV(g)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, f := range []struct {
		name string
		data []byte
	}{{"nodes.csv", nodes}, {"edges.csv", edges}} {
		// A fixed time keeps the archive the same for the same graph.
		w, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate,
			Modified: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.data); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
