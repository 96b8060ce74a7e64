package extract

func findRoles(d *docState) {}
