package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"github.com/fogleman/gg"
	"github.com/goccy/go-graphviz"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
)

// pngScale is pixels per Graphviz point (72 per inch): 2 gives 144 dpi.
const pngScale = 2.0

// PNG returns the graph laid out by Graphviz and drawn as a PNG image. The
// layout and every drawing operation come from Graphviz (its xdot
// operations, in its JSON output); they are painted here with a pure Go 2D
// library, because go-graphviz's own PNG device drops strokes.
func PNG(ctx context.Context, g Graph) ([]byte, error) {
	dot, err := DOT(g)
	if err != nil {
		return nil, err
	}
	js, err := layout(ctx, dot, graphviz.Format("json"))
	if err != nil {
		return nil, err
	}
	var doc xdotGraph
	if err := json.Unmarshal(js, &doc); err != nil {
		return nil, fmt.Errorf("read graphviz json: %w", err)
	}
	return paint(doc)
}

// xdotGraph is the part of Graphviz's JSON output that draws: the bounding
// box and the drawing operations of the graph, its nodes and its edges.
type xdotGraph struct {
	BB      string     `json:"bb"`
	Draw    []xdotOp   `json:"_draw_"`
	LDraw   []xdotOp   `json:"_ldraw_"`
	Objects []xdotItem `json:"objects"`
	Edges   []xdotItem `json:"edges"`
}

type xdotItem struct {
	Draw   []xdotOp `json:"_draw_"`
	LDraw  []xdotOp `json:"_ldraw_"`
	HDraw  []xdotOp `json:"_hdraw_"`
	TDraw  []xdotOp `json:"_tdraw_"`
	HLDraw []xdotOp `json:"_hldraw_"`
	TLDraw []xdotOp `json:"_tldraw_"`
}

type xdotOp struct {
	Op     string       `json:"op"`
	Color  string       `json:"color"`
	Points [][2]float64 `json:"points"`
	Rect   []float64    `json:"rect"`
	Pt     []float64    `json:"pt"`
	Align  string       `json:"align"`
	Text   string       `json:"text"`
	Size   float64      `json:"size"`
	Style  string       `json:"style"`
}

// painter draws xdot operations on a gg context, flipping Graphviz's
// upward y axis.
type painter struct {
	dc        *gg.Context
	h         float64 // height of the drawing in points
	pen, fill color.Color
	width     float64
	fontSize  float64
	font      *truetype.Font
	faces     map[float64]font.Face
}

func paint(doc xdotGraph) ([]byte, error) {
	var bb [4]float64
	if _, err := fmt.Sscanf(doc.BB, "%g,%g,%g,%g", &bb[0], &bb[1], &bb[2], &bb[3]); err != nil {
		return nil, fmt.Errorf("graphviz bounding box %q: %w", doc.BB, err)
	}
	f, err := truetype.Parse(goregular.TTF)
	if err != nil {
		return nil, err
	}
	w, h := int(bb[2]*pngScale)+1, int(bb[3]*pngScale)+1
	p := &painter{dc: gg.NewContext(w, h), h: bb[3], pen: color.Black, fill: color.Black, width: 1, fontSize: 14, font: f,
		faces: map[float64]font.Face{}}
	p.dc.SetColor(color.White)
	p.dc.Clear()
	p.run(doc.Draw)
	for _, items := range [][]xdotItem{doc.Edges, doc.Objects} {
		for _, it := range items {
			for _, ops := range [][]xdotOp{it.Draw, it.HDraw, it.TDraw, it.LDraw, it.HLDraw, it.TLDraw} {
				p.run(ops)
			}
		}
	}
	p.run(doc.LDraw)
	var b bytes.Buffer
	if err := p.dc.EncodePNG(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func (p *painter) xy(x, y float64) (float64, float64) { return x * pngScale, (p.h - y) * pngScale }

func (p *painter) path(pts [][2]float64, closed bool) {
	p.dc.NewSubPath()
	for i, pt := range pts {
		x, y := p.xy(pt[0], pt[1])
		if i == 0 {
			p.dc.MoveTo(x, y)
		} else {
			p.dc.LineTo(x, y)
		}
	}
	if closed {
		p.dc.ClosePath()
	}
}

func (p *painter) bezier(pts [][2]float64) {
	if len(pts) == 0 {
		return
	}
	p.dc.NewSubPath()
	p.dc.MoveTo(p.xy(pts[0][0], pts[0][1]))
	for i := 1; i+2 < len(pts); i += 3 {
		x1, y1 := p.xy(pts[i][0], pts[i][1])
		x2, y2 := p.xy(pts[i+1][0], pts[i+1][1])
		x3, y3 := p.xy(pts[i+2][0], pts[i+2][1])
		p.dc.CubicTo(x1, y1, x2, y2, x3, y3)
	}
}

// finish fills (with the fill colour) and strokes (with the pen) the
// current path.
func (p *painter) finish(filled bool) {
	if filled {
		p.dc.SetColor(p.fill)
		p.dc.FillPreserve()
	}
	p.dc.SetColor(p.pen)
	p.dc.SetLineWidth(p.width * pngScale)
	p.dc.Stroke()
}

func (p *painter) run(ops []xdotOp) {
	for _, op := range ops {
		switch op.Op {
		case "c":
			p.pen = parseColor(op.Color)
		case "C":
			p.fill = parseColor(op.Color)
		case "S":
			p.setStyle(op.Style)
		case "F":
			p.fontSize = op.Size
		case "P", "p":
			p.path(op.Points, true)
			p.finish(op.Op == "P")
		case "L":
			p.path(op.Points, false)
			p.finish(false)
		case "B", "b":
			p.bezier(op.Points)
			p.finish(op.Op == "b")
		case "E", "e":
			if len(op.Rect) == 4 {
				x, y := p.xy(op.Rect[0], op.Rect[1])
				p.dc.DrawEllipse(x, y, op.Rect[2]*pngScale, op.Rect[3]*pngScale)
				p.finish(op.Op == "E")
			}
		case "T":
			p.text(op)
		}
	}
}

func (p *painter) setStyle(s string) {
	if w, ok := strings.CutPrefix(s, "setlinewidth("); ok {
		if v, err := strconv.ParseFloat(strings.TrimSuffix(w, ")"), 64); err == nil {
			p.width = v
		}
	}
}

func (p *painter) text(op xdotOp) {
	if len(op.Pt) != 2 {
		return
	}
	face, ok := p.faces[p.fontSize]
	if !ok {
		face = truetype.NewFace(p.font, &truetype.Options{Size: p.fontSize * pngScale})
		p.faces[p.fontSize] = face
	}
	p.dc.SetFontFace(face)
	p.dc.SetColor(p.pen)
	x, y := p.xy(op.Pt[0], op.Pt[1])
	ax := 0.5
	switch op.Align {
	case "l":
		ax = 0
	case "r":
		ax = 1
	}
	p.dc.DrawStringAnchored(op.Text, x, y, ax, 0)
}

// parseColor reads Graphviz's #rrggbb or #rrggbbaa; anything else is black.
func parseColor(s string) color.Color {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 && len(s) != 8 {
		return color.Black
	}
	if len(s) == 6 {
		s += "ff"
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return color.Black
	}
	return color.NRGBA{R: uint8(v >> 24), G: uint8(v >> 16), B: uint8(v >> 8), A: uint8(v)}
}
