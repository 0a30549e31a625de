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
    // A long word (a training's or a unit's name) wraps on a narrow screen instead of widening the page.
    <Title ref={ref} order={1} tabIndex={-1} data-page-title style={{ overflowWrap: 'anywhere' }} {...props}>
      {children}
    </Title>
  );
}
