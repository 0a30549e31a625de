import { Title, type TitleProps } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { shouldTakeFocus } from '../lib/pageFocus';
import { usePageTitle } from '../lib/usePageTitle';

/** The single h1 of a page; also sets the document title. */
export function PageTitle({ children, documentTitle, ...props }: TitleProps & { documentTitle?: string }) {
  usePageTitle(documentTitle ?? (typeof children === 'string' ? children : undefined));
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (shouldTakeFocus()) ref.current?.focus();
  }, []);
  return (
    <Title ref={ref} order={1} tabIndex={-1} data-page-title {...props}>
      {children}
    </Title>
  );
}
