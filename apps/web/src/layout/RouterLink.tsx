import { Link as MuiLink, type LinkProps as MuiLinkProps } from '@mui/material';
import { forwardRef } from 'react';
import { Link } from 'react-router';

/** MUI link rendered by react-router (client-side navigation, real href for sharing). */
export const RouterLink = forwardRef<HTMLAnchorElement, Omit<MuiLinkProps, 'href'> & { to: string }>(function RouterLink({ to, ...rest }, ref) {
  return <MuiLink ref={ref} component={Link} to={to} {...rest} />;
});
