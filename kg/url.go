package kg

import (
	"fmt"
	"net/url"
	"strings"
)

// CheckURL accepts a document URL: empty, or an absolute http or https URL
// with a host. Anything else (javascript:, data:, file:, relative paths)
// would be handed to browsers as a link, so it is refused with an error
// that wraps ErrInvalid.
func CheckURL(raw string) error {
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("url %q does not parse: %w", raw, ErrInvalid)
	}
	if s := strings.ToLower(u.Scheme); (s != "http" && s != "https") || u.Host == "" {
		return fmt.Errorf("url %q: want an http or https URL: %w", raw, ErrInvalid)
	}
	if strings.ContainsAny(raw, " \t\r\n") {
		return fmt.Errorf("url %q contains white space: %w", raw, ErrInvalid)
	}
	return nil
}
