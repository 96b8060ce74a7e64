package extract

// Placeholder stages; replaced by the real implementations.

func findEvents(d *docState) {}
func findClaims(d *docState) {}
