// Package config reads the settings shared by the server and the loader from
// the environment, with flags of the same meaning taking precedence. Secrets
// are masked when a Config is printed or logged.
package config
