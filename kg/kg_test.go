package kg

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The Washington Post", "washington post"},
		{"Amazon.com", "amazon com"},
		{"  Department of  Defense ", "department of defense"},
		{"Trump’s", "trump's"},
		{"U.S.", "u s"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEntityIDStable(t *testing.T) {
	a := EntityID(Organization, "The Washington Post")
	b := EntityID(Organization, "washington post")
	if a != b {
		t.Errorf("ids differ for equivalent names: %s %s", a, b)
	}
	if a == EntityID(Person, "washington post") {
		t.Error("person and organization share an id")
	}
}
