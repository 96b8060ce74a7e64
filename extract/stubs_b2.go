package extract

// Placeholder stages; replaced by the real implementations.

func findClaims(d *docState) {}
