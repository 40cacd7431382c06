import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { parseIfMatch, setETag } from '../../common/if-match';
import { CreateLetterDto, LetterDto, LetterSignerDto, SignLetterDto, UpdateLetterDto } from './dto/letter.dto';
import { LettersService } from './letters.service';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('letters')
@Controller('cases/:id/letters')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Get()
  @ApiOkResponse({ type: [LetterDto] })
  list(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<LetterDto[]> {
    return this.letters.list(id, ctx);
  }

  @Post()
  @ApiCreatedResponse({ type: LetterDto, description: 'A new draft, filled from the case' })
  create(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateLetterDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<LetterDto> {
    return this.letters.create(id, dto, ctx);
  }

  @Get('signer')
  @ApiOkResponse({
    type: LetterSignerDto,
    description: "Who would sign this case's letters, and whether that differs from the ordering physician",
  })
  signer(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<LetterSignerDto> {
    return this.letters.signerFor(id, ctx);
  }

  @Get(':letterId')
  @ApiOkResponse({ type: LetterDto })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('letterId', ParseUUIDPipe) letterId: string,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<LetterDto> {
    const letter = await this.letters.get(id, letterId, ctx);
    setETag(res, letter.revision);
    return letter;
  }

  @Patch(':letterId')
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: "The letter's revision being edited (from GET or its ETag)",
  })
  @ApiOkResponse({ type: LetterDto, description: 'Drafts only: a signed letter is frozen (409)' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('letterId', ParseUUIDPipe) letterId: string,
    @Body() dto: UpdateLetterDto,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<LetterDto> {
    const letter = await this.letters.update(id, letterId, dto, parseIfMatch(ifMatch), ctx);
    setETag(res, letter.revision);
    return letter;
  }

  @Post(':letterId/sign')
  @ApiCreatedResponse({
    type: LetterDto,
    description:
      "Appends the signer's signature block and freezes the draft. Physicians linked to a provider only; " +
      'the body re-authenticates with the password, or the authenticator code under two-factor sign-in (422 when wrong)',
  })
  sign(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('letterId', ParseUUIDPipe) letterId: string,
    @Body() dto: SignLetterDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<LetterDto> {
    return this.letters.sign(id, letterId, dto, ctx);
  }
}
